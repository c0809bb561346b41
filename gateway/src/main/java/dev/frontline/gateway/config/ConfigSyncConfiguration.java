package dev.frontline.gateway.config;

import java.nio.file.Path;

import dev.frontline.gateway.canary.RouteStatsRecorder;
import dev.frontline.gateway.routing.SnapshotRouteLocator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Keeps the gateway's config in sync with the control plane.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ConfigSyncProperties.class, FrontlineProperties.class })
class ConfigSyncConfiguration {

	@Bean
	GatewayIdentity gatewayIdentity(ConfigSyncProperties properties, Environment environment) {
		return GatewayIdentity.of(properties, environment);
	}

	@Bean
	SnapshotApplier snapshotApplier(SnapshotRouteLocator routes, ConfigSyncProperties properties,
			FrontlineProperties frontline, GatewayIdentity identity) {
		Path file = properties.snapshotFile();
		if (file == null) {
			file = frontline.dataDir().resolve("gateway").resolve(identity.id()).resolve("last-good-snapshot.json");
		}
		return new SnapshotApplier(routes, new SnapshotFile(file));
	}

	@Bean
	ControlPlaneClient controlPlaneClient(WebClient.Builder webClient, ConfigSyncProperties properties,
			FrontlineProperties frontline) {
		return new ControlPlaneClient(webClient, properties.controlPlane().uri(), frontline.controlPlane().token());
	}

	@Bean
	ConfigWatcher configWatcher(ControlPlaneClient client, SnapshotApplier applier, ConfigSyncProperties properties) {
		return new ConfigWatcher(client, applier, properties.watch());
	}

	@Bean
	HeartbeatSender heartbeatSender(ControlPlaneClient client, SnapshotApplier applier, ConfigWatcher watcher,
			GatewayIdentity identity, RouteStatsRecorder stats, ConfigSyncProperties properties) {
		return new HeartbeatSender(client, applier, watcher, identity, stats, properties.heartbeatInterval());
	}

	@Bean
	ConfigSync configSync(SnapshotApplier applier, ConfigWatcher watcher, HeartbeatSender heartbeat) {
		return new ConfigSync(applier, watcher, heartbeat);
	}

	@Bean
	ConfigSyncMetrics configSyncMetrics(SnapshotApplier applier, ConfigWatcher watcher) {
		return new ConfigSyncMetrics(applier, watcher);
	}

	@Bean
	SnapshotHealthIndicator snapshotHealthIndicator(SnapshotApplier applier, ConfigWatcher watcher) {
		return new SnapshotHealthIndicator(applier, watcher);
	}

}
