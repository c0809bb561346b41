/**
 * The gateways that report to the control plane, whether each has applied the current
 * snapshot, and the per-route, per-variant stats they report.
 */
@NullMarked
package dev.frontline.admin.fleet;

import org.jspecify.annotations.NullMarked;
