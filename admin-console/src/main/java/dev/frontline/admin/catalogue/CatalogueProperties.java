package dev.frontline.admin.catalogue;

import java.time.Duration;

import dev.frontline.contract.DurationRange;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How route writes are checked against the catalogue ({@code GET /functions}) of the
 * function runtime they target.
 *
 * @param enabled whether route writes and rollbacks check their function compositions;
 * default true
 * @param connectTimeout how long to wait for a connection to a function runtime; default
 * 1 s
 * @param readTimeout how long to wait for a function runtime's catalogue once connected;
 * default 2 s
 * @param cacheFor how long a fetched catalogue is reused for writes to the same runtime;
 * default 5 s, 0 to fetch it for every write. A runtime that could not be reached is
 * asked again on the next write.
 */
@Validated
@ConfigurationProperties("frontline.admin.catalogue")
public record CatalogueProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DurationRange(minMillis = 1, maxMillis = 60_000) @DefaultValue("1s") Duration connectTimeout,
		@NotNull @DurationRange(minMillis = 1, maxMillis = 60_000) @DefaultValue("2s") Duration readTimeout,
		@NotNull @DurationRange(maxMillis = 3_600_000) @DefaultValue("5s") Duration cacheFor) {

}
