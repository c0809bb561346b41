package dev.frontline.functions.storefront;

import dev.frontline.contract.Variant;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void playsTheStableSideWithoutFailingByDefault() {
		this.contexts.run((context) -> {
			DemoProperties demo = context.getBean(DemoProperties.class);
			assertThat(demo.variant()).isEqualTo(Variant.STABLE);
			assertThat(demo.fail()).isFalse();
			assertThat(demo.banner()).isNull();
		});
	}

	@Test
	void playsTheCanaryWithTheNewBanner() {
		this.contexts.withPropertyValues("frontline.demo.variant=canary", "frontline.demo.fail=true").run((context) -> {
			DemoProperties demo = context.getBean(DemoProperties.class);
			assertThat(demo.variant()).isEqualTo(Variant.CANARY);
			assertThat(demo.fail()).isTrue();
			assertThat(demo.banner()).isEqualTo("New home page");
		});
	}

	@Test
	void refusesAnUnknownVariant() {
		this.contexts.withPropertyValues("frontline.demo.variant=beta")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("frontline.demo.variant"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DemoProperties.class)
	static class PropertiesConfiguration {

	}

}
