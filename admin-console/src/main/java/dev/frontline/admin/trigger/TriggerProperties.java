package dev.frontline.admin.trigger;

import java.time.Duration;

import dev.frontline.contract.DurationRange;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the console fires timer triggers. Every instance ticks; the store decides which
 * instance fires each scheduled time.
 *
 * @param enabled whether this instance fires triggers; default true. An instance that
 * does not still serves the triggers API and pages.
 * @param tickInterval how often the instance looks for scheduled times that are due, and
 * for failed firings to try again; default 1 s, between 10 ms and 1 min. A firing is
 * posted at most about this long after its time.
 * @param catchUpAfter how late a scheduled time may be found and still fire on its own;
 * default 10 s, between 1 s and 1 h. The times that are later than that, as after the
 * consoles were down, are collapsed into one catch-up firing: the latest of them.
 * @param retryFor how long after its scheduled time a firing whose post failed (the
 * runtime was unreachable, or answered 5xx, 408 or 429) is tried again, on later ticks
 * with a backoff from one tick interval doubling up to 30 s; default 2 min, between 0 and
 * 1 day. The attempt that fails after that records the firing as failed.
 * @param historyLimit how many firings each trigger keeps, newest first; default 1000,
 * from 10 to 1,000,000
 * @param concurrency how many firings the instance posts at once; default 4, from 1 to 64
 */
@Validated
@ConfigurationProperties("frontline.admin.triggers")
public record TriggerProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DurationRange(minMillis = 10, maxMillis = 60_000) @DefaultValue("1s") Duration tickInterval,
		@NotNull @DurationRange(minMillis = 1_000, maxMillis = 3_600_000) @DefaultValue("10s") Duration catchUpAfter,
		@NotNull @DurationRange(maxMillis = 86_400_000) @DefaultValue("2m") Duration retryFor,
		@Min(10) @Max(1_000_000) @DefaultValue("1000") int historyLimit,
		@Min(1) @Max(64) @DefaultValue("4") int concurrency) {

}
