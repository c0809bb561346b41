/**
 * The config model that the control plane publishes and the data plane applies: route
 * rules, their policies and targets, and the versioned snapshot that holds them.
 */
@NullMarked
package dev.frontline.contract;

import org.jspecify.annotations.NullMarked;
