/**
 * The route rules REST API, which publishes a new snapshot for every change, and the seed
 * routes.
 */
@NullMarked
package dev.frontline.admin.routing;

import org.jspecify.annotations.NullMarked;
