package dev.frontline.admin.database;

import java.time.Duration;

import dev.frontline.contract.DurationRange;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the console waits for its database at startup, before it migrates the schema.
 *
 * @param startupTimeout how long the console waits for the database before it gives up
 * and fails to start; default 5 minutes, 0 to try once
 * @param retryInterval the wait after the first failed attempt to connect; each next wait
 * is twice the one before, up to {@code maxRetryInterval}; default 1 s
 * @param maxRetryInterval the longest wait between two attempts; default 30 s
 */
@Validated
@ConfigurationProperties("frontline.admin.database")
public record DatabaseProperties(
		@NotNull @DurationRange(minMillis = 0, maxMillis = 86_400_000) @DefaultValue("5m") Duration startupTimeout,
		@NotNull @DurationRange(minMillis = 1, maxMillis = 3_600_000) @DefaultValue("1s") Duration retryInterval,
		@NotNull @DurationRange(minMillis = 1, maxMillis = 3_600_000) @DefaultValue("30s") Duration maxRetryInterval) {

}
