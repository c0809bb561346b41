/**
 * The function test kit: test a function over HTTP, as the gateway calls it, with a
 * stubbed HTTP server in place of each backend. Annotate the test class with
 * {@link dev.frontline.functions.testkit.FunctionTest} and inject
 * {@link dev.frontline.functions.testkit.FunctionTestKit}.
 */
@NullMarked
package dev.frontline.functions.testkit;

import org.jspecify.annotations.NullMarked;
