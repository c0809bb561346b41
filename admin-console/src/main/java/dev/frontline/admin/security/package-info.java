/**
 * Who is calling and what they may do: people who log in with a role, and gateways with
 * the control-plane token.
 */
@NullMarked
package dev.frontline.admin.security;

import org.jspecify.annotations.NullMarked;
