package dev.frontline.admin.fleet;

import java.time.Duration;

import dev.frontline.contract.DurationRange;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the console keeps the per-route stats gateways report.
 *
 * @param retention how long reports are kept, and the longest window the stats overview
 * covers; default 24 h, at least 1 minute
 * @param pruneInterval how often older reports are deleted; default 5 min
 */
@Validated
@ConfigurationProperties("frontline.admin.stats")
public record StatsProperties(
		@NotNull @DurationRange(minMillis = 60_000,
				maxMillis = 31L * 24 * 3_600_000) @DefaultValue("24h") Duration retention,
		@NotNull @DurationRange(minMillis = 1_000, maxMillis = 86_400_000) @DefaultValue("5m") Duration pruneInterval) {

}
