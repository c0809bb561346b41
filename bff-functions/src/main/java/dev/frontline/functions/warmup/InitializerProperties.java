package dev.frontline.functions.warmup;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How function initializers run ({@code frontline.initializers.*}).
 *
 * @param timeout how long each initializer may take before it counts as failed; default
 * 30 seconds
 */
@ConfigurationProperties("frontline.initializers")
@Validated
public record InitializerProperties(@DefaultValue("30s") @DurationMin(millis = 1) Duration timeout) {

}
