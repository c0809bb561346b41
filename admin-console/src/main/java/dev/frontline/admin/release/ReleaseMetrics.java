package dev.frontline.admin.release;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.frontline.admin.release.Evaluation.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The releases as metrics, per route of the latest release of each route:
 * {@code frontline.release.weight{route}}, the canary's weight;
 * {@code frontline.release.state{route,state}}, 1 for the release's state and 0 for the
 * others; and {@code frontline.release.verdicts{route,verdict}}, the evaluations this
 * instance made. The gauges are read from the store on every scheduler tick, so every
 * instance shows the same values whichever instance made the change.
 */
@Component
class ReleaseMetrics {

	private final MeterRegistry registry;

	private final Releases releases;

	private final Map<String, AtomicInteger> weights = new ConcurrentHashMap<>();

	private final Map<String, Map<ReleaseState, AtomicInteger>> states = new ConcurrentHashMap<>();

	ReleaseMetrics(MeterRegistry registry, Releases releases) {
		this.registry = registry;
		this.releases = releases;
	}

	/**
	 * Reads the latest release of each route into the gauges.
	 */
	void refresh() {
		for (Releases.Latest latest : this.releases.latestOfEachRoute()) {
			weight(latest.routeId()).set(latest.weight());
			states(latest.routeId()).forEach((state, value) -> value.set((state == latest.state()) ? 1 : 0));
		}
	}

	void counted(String routeId, Verdict verdict) {
		Counter.builder("frontline.release.verdicts")
			.description("Evaluations of canary releases by verdict")
			.tag("route", routeId)
			.tag("verdict", verdict.label())
			.register(this.registry)
			.increment();
	}

	private AtomicInteger weight(String routeId) {
		return this.weights.computeIfAbsent(routeId, (route) -> {
			AtomicInteger weight = new AtomicInteger();
			Gauge.builder("frontline.release.weight", weight, AtomicInteger::get)
				.description("Weight of the canary of the route's latest release, in percent")
				.tag("route", route)
				.register(this.registry);
			return weight;
		});
	}

	private Map<ReleaseState, AtomicInteger> states(String routeId) {
		return this.states.computeIfAbsent(routeId, (route) -> {
			Map<ReleaseState, AtomicInteger> values = new EnumMap<>(ReleaseState.class);
			for (ReleaseState state : ReleaseState.values()) {
				AtomicInteger value = new AtomicInteger();
				Gauge.builder("frontline.release.state", value, AtomicInteger::get)
					.description("1 for the state of the route's latest release, 0 for the other states")
					.tag("route", route)
					.tag("state", state.label())
					.register(this.registry);
				values.put(state, value);
			}
			return values;
		});
	}

}
