/**
 * What the tests of the services share.
 */
@NullMarked
package dev.frontline.testing;

import org.jspecify.annotations.NullMarked;
