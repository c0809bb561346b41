package dev.frontline.gateway.canary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The names under which the gateway reads and writes the canary split of a route. Which
 * routes have a canary, at which weight and with which sticky key is up to the config
 * snapshot; these names are the same for every route.
 *
 * @param overrideHeader the request header whose value {@code always} or {@code never}
 * forces the canary or the stable side, on routes that allow overrides; default
 * {@code X-Frontline-Canary}
 * @param overrideCookie the cookie that does the same as the override header, which wins
 * when both are sent; default {@code X-Frontline-Canary}
 * @param stickyCookie the cookie that keeps a caller without a user on one side; the
 * gateway sets it (for 30 days) when it had to identify the caller by address; default
 * {@code frontline-canary}
 * @param variantHeader the response header that names the side that served a request,
 * {@code stable} or {@code canary}, on routes with a canary that do not turn it off;
 * default {@code X-Frontline-Variant}
 */
@ConfigurationProperties("frontline.gateway.canary")
@Validated
public record CanaryProperties(
		@DefaultValue(DEFAULT_OVERRIDE_HEADER) @NotBlank @Pattern(regexp = TOKEN,
				message = MUST_BE_A_TOKEN) String overrideHeader,
		@DefaultValue(DEFAULT_OVERRIDE_COOKIE) @NotBlank @Pattern(regexp = TOKEN,
				message = MUST_BE_A_TOKEN) String overrideCookie,
		@DefaultValue(DEFAULT_STICKY_COOKIE) @NotBlank @Pattern(regexp = TOKEN,
				message = MUST_BE_A_TOKEN) String stickyCookie,
		@DefaultValue(DEFAULT_VARIANT_HEADER) @NotBlank @Pattern(regexp = TOKEN,
				message = MUST_BE_A_TOKEN) String variantHeader) {

	static final String DEFAULT_OVERRIDE_HEADER = "X-Frontline-Canary";

	static final String DEFAULT_OVERRIDE_COOKIE = "X-Frontline-Canary";

	static final String DEFAULT_STICKY_COOKIE = "frontline-canary";

	static final String DEFAULT_VARIANT_HEADER = "X-Frontline-Variant";

	/** Header and cookie names are both RFC 9110 tokens. */
	private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}";

	private static final String MUST_BE_A_TOKEN = "must be an HTTP token (a header or cookie name)";

	/**
	 * The names used when none are configured.
	 */
	public static CanaryProperties defaults() {
		return new CanaryProperties(DEFAULT_OVERRIDE_HEADER, DEFAULT_OVERRIDE_COOKIE, DEFAULT_STICKY_COOKIE,
				DEFAULT_VARIANT_HEADER);
	}

}
