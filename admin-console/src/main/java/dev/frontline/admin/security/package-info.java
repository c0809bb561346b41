/**
 * Who is calling: the control-plane token that gateways present, and the author of a
 * change.
 */
@NullMarked
package dev.frontline.admin.security;

import org.jspecify.annotations.NullMarked;
