package dev.frontline.admin.release;

import java.time.Duration;

import dev.frontline.contract.DurationRange;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the console runs releases.
 *
 * @param checkInterval how often the console looks for releases whose evaluation is due,
 * and refreshes the release metrics; default 1 s, between 10 ms and 1 min. An evaluation
 * runs at most this long after its release's interval has passed.
 */
@Validated
@ConfigurationProperties("frontline.admin.release")
public record ReleaseProperties(
		@NotNull @DurationRange(minMillis = 10, maxMillis = 60_000) @DefaultValue("1s") Duration checkInterval) {

}
