package dev.frontline.demo;

import org.jspecify.annotations.Nullable;

/**
 * The faults a backend injects into its storefront answers (not into {@code /health} or
 * {@code /__faults}).
 *
 * @param latencyMs extra delay added to every answer, in milliseconds, 0 to 60000
 * @param failureRate the share of answers replaced by a failure, 0.0 to 1.0
 * @param status the HTTP status of an injected failure, 400 to 599
 * @param failCanary whether every answer to a canary function runtime (a request with
 * {@code X-Demo-Variant: canary}) is a {@value #CANARY_FAILURE_STATUS}, so that a canary
 * release can be watched rolling back while the stable runtime keeps working
 */
public record FaultSettings(long latencyMs, double failureRate, int status, boolean failCanary) {

	/**
	 * The status of injected failures unless one is named.
	 */
	public static final int DEFAULT_STATUS = 503;

	/**
	 * The header in which a function runtime names the side of a release it plays,
	 * {@code stable} or {@code canary}.
	 */
	public static final String VARIANT_HEADER = "X-Demo-Variant";

	/**
	 * The status of the answers to a canary runtime while {@code failCanary} is on.
	 */
	public static final int CANARY_FAILURE_STATUS = 500;

	static final long MAX_LATENCY_MS = 60_000;

	/**
	 * No extra latency and no failures.
	 */
	public static final FaultSettings NONE = new FaultSettings(0, 0.0, DEFAULT_STATUS, false);

	public FaultSettings {
		if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
			throw new IllegalArgumentException("latencyMs must be between 0 and " + MAX_LATENCY_MS);
		}
		if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
			throw new IllegalArgumentException("failureRate must be between 0.0 and 1.0");
		}
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be between 400 and 599");
		}
	}

	/**
	 * Settings that leave the canary runtime's requests alone.
	 * @param latencyMs extra delay added to every answer, in milliseconds
	 * @param failureRate the share of answers replaced by a failure
	 * @param status the HTTP status of an injected failure
	 */
	public FaultSettings(long latencyMs, double failureRate, int status) {
		this(latencyMs, failureRate, status, false);
	}

	/**
	 * Settings that fail every answer with the given status.
	 * @param status the HTTP status, 400 to 599
	 * @return the settings
	 */
	public static FaultSettings failing(int status) {
		return new FaultSettings(0, 1.0, status);
	}

	/**
	 * Settings that delay every answer by the given time and never fail it.
	 * @param latencyMs the extra delay in milliseconds
	 * @return the settings
	 */
	public static FaultSettings slow(long latencyMs) {
		return new FaultSettings(latencyMs, 0.0, DEFAULT_STATUS);
	}

	/**
	 * Settings that fail every answer to a canary runtime and nothing else.
	 * @return the settings
	 */
	public static FaultSettings failingTheCanary() {
		return new FaultSettings(0, 0.0, DEFAULT_STATUS, true);
	}

	/**
	 * Whether a request is failed on purpose because it comes from a canary runtime.
	 * @param variant the value of the request's {@value #VARIANT_HEADER} header, if any
	 * @return {@code true} if {@code failCanary} is on and the request names the canary
	 */
	boolean failsForVariant(@Nullable String variant) {
		return this.failCanary && "canary".equalsIgnoreCase((variant != null) ? variant.trim() : null);
	}

	/**
	 * The body of {@code PUT /__faults}; every field is optional.
	 *
	 * @param latencyMs extra delay in milliseconds; none when absent
	 * @param failureRate the share of failed answers; 1.0 when a status is given without
	 * {@code failCanary}, otherwise none
	 * @param status the status of failed answers; 503 when absent
	 * @param failCanary whether the canary runtime's requests fail; off when absent
	 */
	record Change(@Nullable Long latencyMs, @Nullable Double failureRate, @Nullable Integer status,
			@Nullable Boolean failCanary) {

		Change(@Nullable Long latencyMs, @Nullable Double failureRate, @Nullable Integer status) {
			this(latencyMs, failureRate, status, null);
		}

		FaultSettings toSettings() {
			// Naming a status alone means "answer with it", so it fails every request;
			// next to failCanary it must not fail the stable runtime too.
			boolean failCanary = Boolean.TRUE.equals(this.failCanary);
			double rate = (this.failureRate != null) ? this.failureRate
					: (this.status != null && !failCanary) ? 1.0 : 0.0;
			return new FaultSettings((this.latencyMs != null) ? this.latencyMs : 0, rate,
					(this.status != null) ? this.status : DEFAULT_STATUS, failCanary);
		}

	}

}
