package dev.frontline.functions.backend;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BackendsPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void bindsEachBackendWithATwoSecondTimeoutAndAOneSecondConnectTimeoutByDefault() {
		this.contexts
			.withPropertyValues("frontline.backends.catalog.url=http://localhost:7002",
					"frontline.backends.cart.url=http://cart:8080", "frontline.backends.cart.timeout=250ms")
			.run((context) -> {
				BackendsProperties properties = context.getBean(BackendsProperties.class);
				assertThat(properties.backend("catalog").url()).isEqualTo(URI.create("http://localhost:7002"));
				assertThat(properties.backend("catalog").timeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.backend("catalog").connectTimeout()).isEqualTo(Duration.ofSeconds(1));
				assertThat(properties.backend("cart").timeout()).isEqualTo(Duration.ofMillis(250));
			});
	}

	@Test
	void neverWaitsLongerToConnectThanAnAttemptMayTake() {
		this.contexts
			.withPropertyValues("frontline.backends.cart.url=http://cart:8080", "frontline.backends.cart.timeout=250ms")
			.run((context) -> assertThat(
					context.getBean(BackendsProperties.class).backend("cart").effectiveConnectTimeout())
				.isEqualTo(Duration.ofMillis(250)));
	}

	@Test
	void namesTheMissingBackend() {
		this.contexts.withPropertyValues("frontline.backends.catalog.url=http://localhost:7002")
			.run((context) -> assertThatIllegalStateException()
				.isThrownBy(() -> context.getBean(BackendsProperties.class).backend("profile"))
				.withMessageContaining("frontline.backends.profile.url"));
	}

	@Test
	void refusesABackendWithoutUrl() {
		this.contexts.withPropertyValues("frontline.backends.catalog.timeout=1s")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("backends[catalog].url"));
	}

	@Test
	void refusesAUrlThatIsNotHttp() {
		this.contexts.withPropertyValues("frontline.backends.catalog.url=ftp://localhost/x")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("url must be an absolute http(s) URL, not 'ftp://localhost/x'"));
	}

	@Test
	void refusesAZeroTimeout() {
		this.contexts
			.withPropertyValues("frontline.backends.catalog.url=http://localhost:7002",
					"frontline.backends.catalog.timeout=0s")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("backends[catalog].timeout"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BackendsProperties.class)
	static class PropertiesConfiguration {

	}

}
