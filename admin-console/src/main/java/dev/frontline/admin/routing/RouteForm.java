package dev.frontline.admin.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.frontline.admin.web.FormFields;
import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.DurationJson;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RateLimitPolicy;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import org.jspecify.annotations.Nullable;

/**
 * The route form of the pages: the fields operators change most, as the browser sends
 * them. A rule made from it keeps whatever the form does not show (hosts, headers, retry,
 * canary, CORS, async policy, rate-limit overrides, scope match, token relay) from the
 * rule it edits; the advanced JSON form on the same page changes those.
 *
 * @param id the route's id; ignored when editing, where the id is in the path
 * @param description free text
 * @param path the path pattern
 * @param methods the methods checked; none for any
 * @param order the order, a whole number; blank for 0
 * @param authMode {@code public}, {@code authenticated} or {@code scopes}
 * @param scopes the required scopes, separated by spaces or commas
 * @param apiKeys whether API keys are accepted; absent (an unchecked box) for no
 * @param rateLimitKey {@code user}, {@code api-key}, {@code client-ip} or {@code header};
 * blank for the gateway's default rate limit
 * @param rateLimitHeader the header whose value is the key
 * @param rateLimitPermits tokens per period
 * @param rateLimitPeriod the refill period, such as {@code 1s}
 * @param rateLimitBurst the bucket's capacity; blank for the permits
 * @param timeout such as {@code 3s}; blank for the default
 * @param stableUris the stable target's URIs, separated by spaces, commas or lines
 * @param stableFunction the stable target's function definition
 */
record RouteForm(@Nullable String id, @Nullable String description, @Nullable String path,
		@Nullable List<String> methods, @Nullable String order, @Nullable String authMode, @Nullable String scopes,
		@Nullable Boolean apiKeys, @Nullable String rateLimitKey, @Nullable String rateLimitHeader,
		@Nullable String rateLimitPermits, @Nullable String rateLimitPeriod, @Nullable String rateLimitBurst,
		@Nullable String timeout, @Nullable String stableUris, @Nullable String stableFunction) {

	/** The methods the form offers, in the order it shows them. */
	static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	/** Which input shows the errors of which field of a rule; the longest prefix wins. */
	private static final Map<String, String> INPUTS = Map.ofEntries(Map.entry("id", "id"),
			Map.entry("description", "description"), Map.entry("match.path", "path"),
			Map.entry("match.methods", "methods"), Map.entry("order", "order"), Map.entry("auth.mode", "authMode"),
			Map.entry("auth.scopes", "scopes"), Map.entry("auth.apiKeys", "apiKeys"),
			Map.entry("rateLimit.key", "rateLimitKey"), Map.entry("rateLimit.header", "rateLimitHeader"),
			Map.entry("rateLimit.permits", "rateLimitPermits"), Map.entry("rateLimit.period", "rateLimitPeriod"),
			Map.entry("rateLimit.burst", "rateLimitBurst"), Map.entry("timeout", "timeout"),
			Map.entry("stable.uris", "stableUris"), Map.entry("stable.function", "stableFunction"));

	/**
	 * The form for a new route.
	 */
	static RouteForm blank() {
		return new RouteForm("", "", "", List.of("GET"), "0", "authenticated", "", false, "", "", "", "1s", "", "", "",
				"");
	}

	/**
	 * The form showing an existing route.
	 */
	static RouteForm of(RouteRule route) {
		RateLimitPolicy limit = route.rateLimit();
		return new RouteForm(route.id(), (route.description() != null) ? route.description() : "", route.match().path(),
				List.copyOf(route.match().methods()), String.valueOf(route.order()), label(route.auth().mode()),
				String.join(" ", route.auth().scopes()), route.auth().apiKeys(),
				(limit != null) ? label(limit.key()) : "",
				(limit != null && limit.header() != null) ? limit.header() : "",
				(limit != null) ? String.valueOf(limit.permits()) : "",
				(limit != null) ? DurationJson.format(limit.period()) : "1s",
				(limit != null) ? String.valueOf(limit.burst()) : "", DurationJson.format(route.timeout()),
				String.join("\n", route.stable().uris()), route.stable().function());
	}

	/**
	 * The input that shows the errors of a field of a rule, such as {@code path} for
	 * {@code match.path}; {@code null} for a field the form does not show.
	 */
	static @Nullable String inputOf(String field) {
		String best = null;
		for (String prefix : INPUTS.keySet()) {
			if ((field.equals(prefix) || field.startsWith(prefix + ".") || field.startsWith(prefix + "["))
					&& (best == null || prefix.length() > best.length())) {
				best = prefix;
			}
		}
		return (best != null) ? INPUTS.get(best) : null;
	}

	/**
	 * Whether a method is checked.
	 */
	public boolean checks(String method) {
		return this.methods != null && this.methods.contains(method);
	}

	/**
	 * The rule this form makes, checked only for what a browser form cannot express in
	 * types (such as a number that is not one); the route rules check the rest.
	 * @param edited the rule being edited, whose id and whose fields the form does not
	 * show are kept; {@code null} for a new rule
	 */
	Parsed toRule(@Nullable RouteRule edited) {
		List<FieldError> errors = new ArrayList<>();
		String ruleId = (edited != null) ? edited.id() : FormFields.blankToNull(this.id);
		RouteMatch match = new RouteMatch((this.path != null) ? this.path.strip() : "",
				(this.methods != null) ? new LinkedHashSet<>(this.methods) : null,
				(edited != null) ? edited.match().hosts() : null, (edited != null) ? edited.match().headers() : null);
		int parsedOrder = (int) wholeNumber("order", this.order, Integer.MIN_VALUE, Integer.MAX_VALUE, errors);
		AuthPolicy.Mode mode = mode(errors);
		AuthPolicy auth = new AuthPolicy(mode, FormFields.split(this.scopes),
				(edited != null) ? edited.auth().scopeMatch() : AuthPolicy.ScopeMatch.ALL,
				Boolean.TRUE.equals(this.apiKeys), edited != null && edited.auth().tokenRelay());
		RateLimitPolicy rateLimit = rateLimit(edited, errors);
		Duration parsedTimeout = duration("timeout", this.timeout, errors);
		Target stable = new Target(FormFields.split(this.stableUris),
				(this.stableFunction != null) ? this.stableFunction.strip() : "");
		if (!errors.isEmpty()) {
			return new Parsed(null, errors);
		}
		RouteRule rule = new RouteRule(ruleId, FormFields.blankToNull(this.description), match, parsedOrder, auth,
				rateLimit, parsedTimeout, (edited != null) ? edited.retry() : null, stable,
				(edited != null) ? edited.canary() : null, (edited != null) ? edited.cors() : null,
				(edited != null) ? edited.async() : null);
		return new Parsed(rule, List.of());
	}

	private AuthPolicy.@Nullable Mode mode(List<FieldError> errors) {
		String label = FormFields.blankToNull(this.authMode);
		if (label == null) {
			return null;
		}
		for (AuthPolicy.Mode mode : AuthPolicy.Mode.values()) {
			if (label(mode).equals(label)) {
				return mode;
			}
		}
		errors.add(new FieldError("auth.mode", "must be one of public, authenticated, scopes"));
		return null;
	}

	private @Nullable RateLimitPolicy rateLimit(@Nullable RouteRule edited, List<FieldError> errors) {
		String keyLabel = FormFields.blankToNull(this.rateLimitKey);
		if (keyLabel == null) {
			return null;
		}
		RateLimitPolicy.KeyType key = null;
		for (RateLimitPolicy.KeyType candidate : RateLimitPolicy.KeyType.values()) {
			if (label(candidate).equals(keyLabel)) {
				key = candidate;
			}
		}
		if (key == null) {
			errors.add(new FieldError("rateLimit.key", "must be one of user, api-key, client-ip, header"));
		}
		long permits = wholeNumber("rateLimit.permits", this.rateLimitPermits, Long.MIN_VALUE, Long.MAX_VALUE, errors);
		Duration period = duration("rateLimit.period", this.rateLimitPeriod, errors);
		long burst = wholeNumber("rateLimit.burst", this.rateLimitBurst, Long.MIN_VALUE, Long.MAX_VALUE, errors);
		RateLimitPolicy before = (edited != null) ? edited.rateLimit() : null;
		return new RateLimitPolicy(key, FormFields.blankToNull(this.rateLimitHeader), permits, period, burst,
				(before != null) ? before.overrides() : null);
	}

	private static long wholeNumber(String field, @Nullable String text, long min, long max, List<FieldError> errors) {
		String value = FormFields.blankToNull(text);
		if (value == null) {
			return 0;
		}
		try {
			long number = Long.parseLong(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new FieldError(field, "must be a whole number"));
		return 0;
	}

	private static @Nullable Duration duration(String field, @Nullable String text, List<FieldError> errors) {
		String value = FormFields.blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return DurationJson.parse(value);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(field, "must be a duration such as 500ms, 5s, 2m or PT5S"));
			return null;
		}
	}

	/**
	 * The JSON name of a constant, such as {@code client-ip}.
	 */
	static String label(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * A form read into a rule.
	 *
	 * @param rule the rule; {@code null} if the form could not be read
	 * @param errors why the form could not be read; empty if it was
	 */
	record Parsed(@Nullable RouteRule rule, List<FieldError> errors) {

	}

}
