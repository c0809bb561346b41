package dev.frontline.admin.fleet;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Prunes the reported stats past their retention. Every instance prunes: deleting what
 * another instance deleted already is harmless.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StatsConfiguration implements SchedulingConfigurer {

	private static final Log log = LogFactory.getLog(StatsConfiguration.class);

	private final RouteStatsReports reports;

	private final StatsProperties properties;

	private final Clock clock = Clock.systemUTC();

	StatsConfiguration(RouteStatsReports reports, StatsProperties properties) {
		this.reports = reports;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::prune, this.properties.pruneInterval());
	}

	private void prune() {
		try {
			int pruned = this.reports.pruneBefore(this.clock.instant().minus(this.properties.retention()));
			if (pruned > 0 && log.isDebugEnabled()) {
				log.debug("Pruned " + pruned + " route stats reports older than " + this.properties.retention());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Cannot prune the route stats reports; trying again later", ex);
		}
	}

}
