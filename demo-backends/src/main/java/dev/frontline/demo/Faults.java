package dev.frontline.demo;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fault settings of one running backend. Changes apply to the next request.
 */
public final class Faults {

	private final AtomicReference<FaultSettings> settings = new AtomicReference<>(FaultSettings.NONE);

	/**
	 * The settings in force.
	 * @return the settings
	 */
	public FaultSettings current() {
		return this.settings.get();
	}

	/**
	 * Replaces the settings.
	 * @param settings the new settings
	 */
	public void set(FaultSettings settings) {
		this.settings.set(settings);
	}

	/**
	 * Stops injecting faults.
	 */
	public void reset() {
		set(FaultSettings.NONE);
	}

	boolean failsNext(FaultSettings current) {
		return current.failureRate() > 0.0 && ThreadLocalRandom.current().nextDouble() < current.failureRate();
	}

}
