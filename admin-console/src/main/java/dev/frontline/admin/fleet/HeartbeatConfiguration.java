package dev.frontline.admin.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.frontline.contract.RouteStats;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads gateway heartbeats leniently, unlike what operators send: a gateway newer than
 * the console may report fields the console does not know yet, and its heartbeats must
 * still count, or the fleet would show it as gone during a rolling upgrade.
 */
@Configuration(proxyBeanMethods = false)
class HeartbeatConfiguration {

	@Bean
	JsonMapperBuilderCustomizer lenientHeartbeats() {
		JsonIgnoreProperties.Value ignoreUnknown = JsonIgnoreProperties.Value.forIgnoreUnknown(true);
		return (builder) -> builder.withConfigOverride(Heartbeat.class, (type) -> type.setIgnorals(ignoreUnknown))
			.withConfigOverride(RouteStats.class, (type) -> type.setIgnorals(ignoreUnknown));
	}

}
