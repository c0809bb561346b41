package dev.frontline.admin.release;

import java.time.Duration;
import java.util.List;

import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.DurationJson;
import dev.frontline.contract.Target;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A request to start a release; {@link ReleaseChecks} checks every field and fills in the
 * defaults.
 *
 * @param routeId the route to release; required
 * @param canary the target to release; required
 * @param sticky what keeps a caller on one side; default {@code user}
 * @param overrides whether callers may force a side; default false
 * @param variantHeader whether responses name the side that served them; default true
 * @param steps the canary's weights, strictly increasing from 1, ending with 100;
 * required
 * @param interval how long each step runs before it is evaluated, 1 s to 1 h; required
 * @param mode {@code auto} or {@code manual}; default {@code auto}
 * @param analysis the thresholds; each omitted one takes its default
 */
record NewRelease(@Nullable String routeId, @Nullable Target canary, @Nullable StickyKey sticky,
		@Nullable Boolean overrides, @Nullable Boolean variantHeader, @Nullable List<@Nullable Integer> steps,
		@Nullable @JsonDeserialize(using = DurationJson.Deserializer.class) Duration interval,
		@Nullable ReleaseMode mode, @Nullable Thresholds analysis) {

	/**
	 * Requested thresholds; see {@link Analysis} for their meaning and defaults.
	 *
	 * @param maxErrorRate 0 to 1
	 * @param maxP99Ms above 0
	 * @param maxErrorRateDelta 0 to 1
	 * @param maxP99Ratio above 0
	 * @param minRequestsPerStep at least 1
	 * @param failureThreshold at least 1
	 */
	record Thresholds(@Nullable Double maxErrorRate, @Nullable Double maxP99Ms, @Nullable Double maxErrorRateDelta,
			@Nullable Double maxP99Ratio, @Nullable Long minRequestsPerStep, @Nullable Integer failureThreshold) {

	}

}
