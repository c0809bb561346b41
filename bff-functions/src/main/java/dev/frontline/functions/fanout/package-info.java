/**
 * Fan-out: a function asks several backends at once and answers with what arrived, with
 * per-part timeouts and fallbacks, an overall deadline, and the optional parts that are
 * missing named in the answer.
 */
@NullMarked
package dev.frontline.functions.fanout;

import org.jspecify.annotations.NullMarked;
