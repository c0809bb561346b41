/**
 * The audit log: who changed what and when, recorded in the transaction of each change.
 */
@NullMarked
package dev.frontline.admin.audit;

import org.jspecify.annotations.NullMarked;
