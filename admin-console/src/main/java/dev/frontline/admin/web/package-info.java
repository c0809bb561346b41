/**
 * How errors are answered: RFC 9457 problem details with field errors.
 */
@NullMarked
package dev.frontline.admin.web;

import org.jspecify.annotations.NullMarked;
