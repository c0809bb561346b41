package dev.frontline.admin.release;

import java.time.Duration;
import java.util.List;

import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.contract.Target;

/**
 * A checked request for a release: everything fixed for its whole life.
 *
 * @param routeId the route released
 * @param canary the target released
 * @param sticky what keeps a caller on one side
 * @param overrides whether callers may force a side
 * @param variantHeader whether responses name the side that served them
 * @param steps the canary's weights, strictly increasing, ending with 100
 * @param interval how long each step runs before it is evaluated
 * @param mode who steps the release up
 * @param analysis the thresholds evaluations apply
 */
record ReleasePlan(String routeId, Target canary, StickyKey sticky, boolean overrides, boolean variantHeader,
		List<Integer> steps, Duration interval, ReleaseMode mode, Analysis analysis) {

}
