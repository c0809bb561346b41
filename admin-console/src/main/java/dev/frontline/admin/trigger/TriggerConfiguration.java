package dev.frontline.admin.trigger;

import java.time.Clock;
import java.time.Duration;

import dev.frontline.admin.runtime.FunctionRuntimeProperties;
import dev.frontline.admin.runtime.FunctionRuntimes;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler that fires timer triggers, on every console instance. A trigger needs
 * nothing else to resume after a restart: the times it is due are in the store, and so
 * are its firings that wait for another attempt.
 */
@Configuration(proxyBeanMethods = false)
class TriggerConfiguration {

	/** What an instance adds to the longest post before another may post its firing. */
	private static final Duration HOLD_MARGIN = Duration.ofSeconds(5);

	@Bean
	TriggerScheduler triggerScheduler(Triggers triggers, TriggerFirings firings, FunctionRuntimes runtimes,
			FunctionRuntimeProperties runtimeProperties, TriggerProperties properties, MeterRegistry meters) {
		Duration hold = runtimeProperties.connectTimeout()
			.plus(runtimeProperties.readTimeout())
			.plus(properties.tickInterval())
			.plus(HOLD_MARGIN);
		return new TriggerScheduler(triggers, firings, new TriggerEndpoint(runtimes), properties, hold, meters,
				Clock.systemUTC());
	}

}
