/**
 * Clients for the services behind the functions: one configured base URL and timeout per
 * backend, and backend failures turned into gateway errors.
 */
@NullMarked
package dev.frontline.functions.backend;

import org.jspecify.annotations.NullMarked;
