package dev.frontline.admin.watch;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules the keep-alive pings and the head-version polling of the watches.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WatchConfiguration implements SchedulingConfigurer {

	private final Watchers watchers;

	private final WatchProperties properties;

	WatchConfiguration(Watchers watchers, WatchProperties properties) {
		this.watchers = watchers;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.watchers::pollHead, this.properties.pollInterval());
		registrar.addFixedDelayTask(this.watchers::pingAll, this.properties.keepAlive());
	}

}
