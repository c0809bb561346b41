/**
 * The gateways that report to the control plane, and whether each has applied the current
 * snapshot.
 */
@NullMarked
package dev.frontline.admin.fleet;

import org.jspecify.annotations.NullMarked;
