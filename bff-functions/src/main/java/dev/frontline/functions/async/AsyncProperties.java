package dev.frontline.functions.async;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How asynchronous invocations run ({@code frontline.async.*}). The store is the
 * runtime's database, {@code spring.datasource.*}.
 *
 * @param runInvocations whether this runtime runs invocations; {@code false} for one that
 * only accepts them (and answers about them) while other runtimes on the same store run
 * them; default {@code true}
 * @param attemptTimeout how long one attempt of a function may take before it counts as
 * failed (and is retried); default 30 seconds
 * @param threads how many attempts one runtime runs at once; default 10
 * @param pollingInterval how often a runtime looks for invocations due, such as retries;
 * a new invocation starts at once on the runtime that accepted it; default 2 seconds
 * @param heartbeatInterval how often a runtime records that its running attempts are
 * alive; default 5 seconds
 * @param missedHeartbeats how many heartbeats an attempt may miss before another runtime
 * counts its runtime as dead and runs the invocation again, at least 4; default 4, so
 * that an attempt of a killed runtime is repeated after 20 seconds
 * @param backoffBase the wait before the first retry, doubling for each further retry,
 * with ±20 % jitter; default 1 second
 * @param backoffCap the longest wait between two attempts, a {@code Retry-After} of the
 * failure aside; default 5 minutes
 * @param shutdownGrace how long a stopping runtime lets running attempts finish before it
 * interrupts them (and as long again for them to stop); default 10 seconds
 * @param callbackTimeout how long the POST to a callback URL may take; default 5 seconds
 * @param cleanupInterval how often expired results and old invocations are deleted;
 * default 1 minute
 * @param retention how long a succeeded or cancelled invocation is kept after it
 * finished; its result goes earlier, past its policy's {@code resultTtl}; default 7 days
 * @param deadLetterRetention how long a failed or dead-lettered invocation is kept for
 * operators; default 30 days
 * @param statisticsInterval how often the queue gauges are read from the store; default 5
 * seconds
 */
@ConfigurationProperties("frontline.async")
@Validated
public record AsyncProperties(@DefaultValue("true") boolean runInvocations,
		@DefaultValue("30s") @DurationMin(millis = 1) Duration attemptTimeout,
		@DefaultValue("10") @Min(1) @Max(500) int threads,
		@DefaultValue("2s") @DurationMin(millis = 10) Duration pollingInterval,
		@DefaultValue("5s") @DurationMin(millis = 10) Duration heartbeatInterval,
		@DefaultValue("4") @Min(4) @Max(100) int missedHeartbeats,
		@DefaultValue("1s") @DurationMin(millis = 1) Duration backoffBase,
		@DefaultValue("5m") @DurationMin(millis = 1) Duration backoffCap,
		@DefaultValue("10s") @DurationMin(millis = 0) Duration shutdownGrace,
		@DefaultValue("5s") @DurationMin(millis = 1) Duration callbackTimeout,
		@DefaultValue("1m") @DurationMin(millis = 10) Duration cleanupInterval,
		@DefaultValue("7d") @DurationMin(seconds = 1) Duration retention,
		@DefaultValue("30d") @DurationMin(seconds = 1) Duration deadLetterRetention,
		@DefaultValue("5s") @DurationMin(millis = 10) Duration statisticsInterval) {

}
