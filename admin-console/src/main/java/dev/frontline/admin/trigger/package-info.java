/**
 * Timer triggers: functions the console fires on a cron schedule through the function
 * runtimes' trigger endpoint, each scheduled time exactly once however many console
 * instances share the store.
 */
@NullMarked
package dev.frontline.admin.trigger;

import org.jspecify.annotations.NullMarked;
