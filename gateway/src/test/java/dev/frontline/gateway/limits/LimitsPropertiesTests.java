package dev.frontline.gateway.limits;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(LimitsConfiguration.class);

	@Test
	void limitsBodiesToTenMegabytesByDefault() {
		this.contexts.run((context) -> assertThat(context.getBean(LimitsProperties.class).maxBodySize())
			.isEqualTo(DataSize.ofMegabytes(10)));
	}

	@Test
	void refusesToStartWithALimitOfNothing() {
		this.contexts.withPropertyValues("frontline.gateway.limits.max-body-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("max-body-size must be at least 1 byte"));
	}

}
