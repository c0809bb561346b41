/**
 * The dead letters of the function runtimes: asynchronous invocations that failed for
 * good, merged from every runtime, inspected and queued again by operators.
 */
@NullMarked
package dev.frontline.admin.deadletter;

import org.jspecify.annotations.NullMarked;
