/**
 * The function runtimes' catalogues, and the check that a route's function composition
 * fits the catalogue of the runtime it targets.
 */
@NullMarked
package dev.frontline.admin.catalogue;

import org.jspecify.annotations.NullMarked;
