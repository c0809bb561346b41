package dev.frontline.gateway.config;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayIdentityTests {

	@Test
	void usesTheConfiguredId() {
		assertThat(GatewayIdentity.of(properties("edge-1"), new MockEnvironment()).id()).isEqualTo("edge-1");
	}

	@Test
	void derivesTheSameIdFromHostAndPortOnEachStart() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8443");
		String first = GatewayIdentity.of(properties(null), environment).id();
		String second = GatewayIdentity.of(properties(null), environment).id();
		assertThat(first).isEqualTo(second).endsWith("-8443").matches("[a-z0-9][a-z0-9._-]*");
	}

	@Test
	void derivesDistinctIdsForInstancesOnRandomPorts() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");
		assertThat(GatewayIdentity.of(properties(null), environment).id())
			.isNotEqualTo(GatewayIdentity.of(properties(null), environment).id());
	}

	private static ConfigSyncProperties properties(@Nullable String id) {
		return new ConfigSyncProperties(id, null, Duration.ofSeconds(5),
				new ConfigSyncProperties.ControlPlane(URI.create("http://localhost:9000")),
				new ConfigSyncProperties.Watch(Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(30)));
	}

}
