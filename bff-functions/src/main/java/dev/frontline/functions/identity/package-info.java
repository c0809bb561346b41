/**
 * Who is calling: the gateway's signed passport is verified on every function call, and
 * functions learn the caller through {@link dev.frontline.functions.identity.Caller}.
 */
@NullMarked
package dev.frontline.functions.identity;

import org.jspecify.annotations.NullMarked;
