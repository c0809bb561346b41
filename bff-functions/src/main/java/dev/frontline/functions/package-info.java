/**
 * The function runtime: backend-for-frontend functions served over HTTP.
 */
@NullMarked
package dev.frontline.functions;

import org.jspecify.annotations.NullMarked;
