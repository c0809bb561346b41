package dev.frontline.support.shutdown;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownDrainAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
			ApplicationAvailabilityAutoConfiguration.class, LifecycleAutoConfiguration.class,
			ShutdownDrainAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner web = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void drainsForFiveSecondsByDefault() {
		this.web.run((context) -> {
			assertThat(context).hasSingleBean(ReadinessDrainLifecycle.class);
			assertThat(context.getBean(ShutdownProperties.class).drainDelay()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	@Test
	void rejectsANegativeDrainDelayNamingIt() {
		this.web.withPropertyValues("frontline.shutdown.drain-delay=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(BindValidationException.class, (failure) -> {
					assertThat(failure.getValidationErrors().getName()).hasToString("frontline.shutdown");
					assertThat(failure.getValidationErrors().getAllErrors()).singleElement()
						.isInstanceOfSatisfying(FieldError.class, (error) -> {
							assertThat(error.getField()).isEqualTo("drainDelay");
							assertThat(error.getDefaultMessage()).isEqualTo("must not be negative");
						});
				});
		});
	}

	@Test
	void rejectsADrainThatTheShutdownWouldNotWaitFor() {
		this.web
			.withPropertyValues("frontline.shutdown.drain-delay=20s", "spring.lifecycle.timeout-per-shutdown-phase=20s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (failure) -> {
						assertThat(failure.getName()).isEqualTo("frontline.shutdown.drain-delay");
						assertThat(failure.getReason()).contains("spring.lifecycle.timeout-per-shutdown-phase");
					});
			});
	}

	@Test
	void acceptsADrainShorterThanTheShutdownPhaseTimeout() {
		this.web
			.withPropertyValues("frontline.shutdown.drain-delay=19s", "spring.lifecycle.timeout-per-shutdown-phase=20s")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ReadinessDrainLifecycle.class));
	}

	@Test
	void refusesTrafficWhileTheContextIsStoppedAndAcceptsItWhenStartedAgain() {
		this.web.run((context) -> {
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
			context.stop();
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
			context.start();
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		});
	}

	@Test
	void leavesApplicationsWithoutAWebServerAlone() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).doesNotHaveBean(ReadinessDrainLifecycle.class));
	}

}
