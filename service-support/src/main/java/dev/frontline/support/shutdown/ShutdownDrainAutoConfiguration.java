package dev.frontline.support.shutdown;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The drain before a web application's graceful shutdown (see
 * {@link ShutdownProperties#drainDelay()}).
 */
@AutoConfiguration(after = { ApplicationAvailabilityAutoConfiguration.class, LifecycleAutoConfiguration.class })
@ConditionalOnWebApplication
@EnableConfigurationProperties(ShutdownProperties.class)
public final class ShutdownDrainAutoConfiguration {

	@Bean
	ReadinessDrainLifecycle readinessDrainLifecycle(ShutdownProperties properties, ApplicationAvailability availability,
			ApplicationContext context, ObjectProvider<LifecycleProperties> lifecycle) {
		LifecycleProperties shutdownPhases = lifecycle.getIfAvailable();
		if (shutdownPhases != null) {
			checkDrainFitsAShutdownPhase(properties.drainDelay(), shutdownPhases.getTimeoutPerShutdownPhase());
		}
		return new ReadinessDrainLifecycle(properties.drainDelay(), availability, context);
	}

	// Spring stops waiting for a shutdown phase after this timeout and goes on: a longer
	// drain would be cut short without a word.
	private static void checkDrainFitsAShutdownPhase(Duration drainDelay, Duration phaseTimeout) {
		if (drainDelay.compareTo(phaseTimeout) >= 0) {
			throw new InvalidConfigurationPropertyValueException("frontline.shutdown.drain-delay", drainDelay,
					"must be shorter than spring.lifecycle.timeout-per-shutdown-phase (" + phaseTimeout
							+ "), the longest that the shutdown waits for the drain");
		}
	}

}
