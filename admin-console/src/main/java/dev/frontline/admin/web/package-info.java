/**
 * How the console answers: RFC 9457 problem details with field errors for the API, and
 * for the pages the start page, the error page and form errors placed by input.
 */
@NullMarked
package dev.frontline.admin.web;

import org.jspecify.annotations.NullMarked;
