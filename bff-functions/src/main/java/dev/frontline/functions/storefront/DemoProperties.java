package dev.frontline.functions.storefront;

import dev.frontline.contract.Variant;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The part this runtime plays in a canary release of the demo storefront
 * ({@code frontline.demo.*}). {@code ./frontline up} starts a second runtime, on port
 * 8092, with {@code frontline.demo.variant=canary}.
 *
 * @param variant {@code stable} or {@code canary}. A canary runtime shows a banner
 * ({@value #CANARY_BANNER}) on its home page and on the mobile and web views of it; every
 * runtime names its variant to the backends in {@value #VARIANT_HEADER}, so that the demo
 * backends' {@code failCanary} fault can fail the canary alone; default {@code stable}
 * @param fail whether {@code homePage} fails with 503 (type
 * {@code urn:frontline:problem:demo-failure}) without calling any backend, so that a
 * release of this runtime rolls back; default {@code false}
 */
@ConfigurationProperties("frontline.demo")
@Validated
public record DemoProperties(@DefaultValue("stable") @NotNull Variant variant, @DefaultValue("false") boolean fail) {

	/**
	 * The header in which the runtime names its variant on every backend call.
	 */
	public static final String VARIANT_HEADER = "X-Demo-Variant";

	/**
	 * The banner of the canary's home page.
	 */
	public static final String CANARY_BANNER = "New home page";

	/**
	 * The banner the home page shows on this runtime.
	 * @return the canary's banner, or {@code null} on the stable runtime, whose page has
	 * none
	 */
	@Nullable String banner() {
		return (this.variant == Variant.CANARY) ? CANARY_BANNER : null;
	}

}
