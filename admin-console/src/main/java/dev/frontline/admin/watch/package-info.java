/**
 * The server-sent-events watch that streams published snapshots to gateways.
 */
@NullMarked
package dev.frontline.admin.watch;

import org.jspecify.annotations.NullMarked;
