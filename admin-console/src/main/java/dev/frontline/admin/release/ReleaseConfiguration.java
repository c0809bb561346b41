package dev.frontline.admin.release;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules the evaluations of releases. A release in progress needs nothing else to
 * resume after a restart: its next evaluation is in the store, and the first tick finds
 * it due.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReleaseConfiguration implements SchedulingConfigurer {

	private final ReleaseEvaluator evaluator;

	private final ReleaseProperties properties;

	ReleaseConfiguration(ReleaseEvaluator evaluator, ReleaseProperties properties) {
		this.evaluator = evaluator;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.evaluator::evaluateDue, this.properties.checkInterval());
	}

}
