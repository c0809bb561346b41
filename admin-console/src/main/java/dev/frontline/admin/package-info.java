/**
 * The admin console, the control plane of Frontline.
 */
@NullMarked
package dev.frontline.admin;

import org.jspecify.annotations.NullMarked;
