package dev.frontline.support.shutdown;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service stops.
 *
 * @param drainDelay how long a stopping service keeps serving with its readiness
 * {@code REFUSING_TRAFFIC} before its web server stops accepting connections, so that a
 * load balancer polling readiness takes it out of rotation first; longer than the
 * balancer's poll interval (times its failure threshold) and shorter than
 * {@code spring.lifecycle.timeout-per-shutdown-phase}; {@code 0s} where something else
 * waits before the signal, as a Kubernetes {@code preStop} sleep does; default 5 s
 */
@ConfigurationProperties("frontline.shutdown")
@Validated
public record ShutdownProperties(
		@DefaultValue("5s") @NotNull @DurationMin(millis = 0, message = "must not be negative") Duration drainDelay) {

}
