package dev.frontline.functions.storefront;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the home page waits for its parts ({@code frontline.storefront.*}).
 *
 * @param homePageDeadline how long the whole home page may take; a profile that has not
 * arrived by then fails it with 504; default 3 seconds
 * @param optionalPartTimeout how long the home page waits for recommendations and the
 * cart before it answers without them; default 1 second
 */
@ConfigurationProperties("frontline.storefront")
@Validated
public record StorefrontProperties(@DefaultValue("3s") @DurationMin(millis = 1) Duration homePageDeadline,
		@DefaultValue("1s") @DurationMin(millis = 1) Duration optionalPartTimeout) {

}
