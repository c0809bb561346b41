package dev.frontline.demo;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineTests {

	@Test
	void listensOnTheLocalPortsByDefault() {
		DemoBackends.Options options = CommandLine.parse(new String[0], new Properties());
		assertThat(options).isEqualTo(
				new DemoBackends.Options("localhost", 7001, 7002, 7003, Duration.ofMillis(10), Duration.ofMillis(20)));
	}

	@Test
	void takesPortsFromArgumentsOverSystemProperties() {
		Properties properties = new Properties();
		properties.setProperty("catalog.port", "8002");
		properties.setProperty("cart.port", "8003");
		DemoBackends.Options options = CommandLine.parse(new String[] { "--profile.port=0", "--cart.port=9003" },
				properties);
		assertThat(options.profilePort()).isZero();
		assertThat(options.catalogPort()).isEqualTo(8002);
		assertThat(options.cartPort()).isEqualTo(9003);
	}

	@Test
	void takesLatencyAndHost() {
		DemoBackends.Options options = CommandLine
			.parse(new String[] { "--latency.min-ms=0", "--latency.max-ms=5", "--host=0.0.0.0" }, new Properties());
		assertThat(options.minLatency()).isZero();
		assertThat(options.maxLatency()).isEqualTo(Duration.ofMillis(5));
		assertThat(options.host()).isEqualTo("0.0.0.0");
	}

	@Test
	void rejectsUnknownOptionsAndBadNumbers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse(new String[] { "--port=1" }, new Properties()))
			.withMessageContaining("--port=1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse(new String[] { "--cart.port=abc" }, new Properties()))
			.withMessageContaining("cart.port");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandLine.parse(new String[] { "--cart.port=70000" }, new Properties()));
	}

}
