package dev.frontline.admin.routing;

import java.util.Locale;

import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.DurationJson;
import dev.frontline.contract.RateLimitPolicy;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import org.jspecify.annotations.Nullable;

/**
 * A route rule as one row of the routes page shows it.
 *
 * @param id the route's id
 * @param description its description; empty for none
 * @param path its path pattern
 * @param methods its methods, such as {@code GET, POST}, or {@code any}
 * @param order its order
 * @param auth who may call it, such as {@code scopes (all): orders:read}
 * @param apiKeys whether it takes API keys
 * @param rateLimit its rate limit, such as {@code 100 per 1s by client-ip, burst 200}, or
 * {@code default}
 * @param timeout its timeout, such as {@code 3s}
 * @param stable its stable target, such as {@code http://localhost:8090 product}
 * @param canaryWeight the weight of its canary; {@code null} without a canary
 * @param canary its canary target; empty without a canary
 */
record RouteRow(String id, String description, String path, String methods, int order, String auth, boolean apiKeys,
		String rateLimit, String timeout, String stable, @Nullable Integer canaryWeight, String canary) {

	static RouteRow of(RouteRule route) {
		CanaryTarget canary = route.canary();
		return new RouteRow(route.id(), (route.description() != null) ? route.description() : "", route.match().path(),
				route.match().methods().isEmpty() ? "any" : String.join(", ", route.match().methods()), route.order(),
				auth(route.auth()), route.auth().apiKeys(), rateLimit(route.rateLimit()),
				DurationJson.format(route.timeout()), target(route.stable()), (canary != null) ? canary.weight() : null,
				(canary != null) ? target(canary.target()) : "");
	}

	/**
	 * Whether the route's id or path contains the text, ignoring case.
	 */
	static boolean matches(RouteRule route, String text) {
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		return wanted.isEmpty() || route.id().toLowerCase(Locale.ROOT).contains(wanted)
				|| route.match().path().toLowerCase(Locale.ROOT).contains(wanted);
	}

	private static String auth(AuthPolicy auth) {
		String mode = RouteForm.label(auth.mode());
		if (auth.mode() != AuthPolicy.Mode.SCOPES) {
			return mode;
		}
		return mode + " (" + RouteForm.label(auth.scopeMatch()) + "): " + String.join(" ", auth.scopes());
	}

	private static String rateLimit(@Nullable RateLimitPolicy limit) {
		if (limit == null) {
			return "default";
		}
		String key = (limit.key() == RateLimitPolicy.KeyType.HEADER) ? "header " + limit.header()
				: RouteForm.label(limit.key());
		return limit.permits() + " per " + DurationJson.format(limit.period()) + " by " + key + ", burst "
				+ limit.burst();
	}

	private static String target(Target target) {
		return String.join(", ", target.uris()) + " " + target.function();
	}

}
