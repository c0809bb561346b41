package dev.frontline.admin.watch;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the config watch keeps gateways up to date.
 *
 * @param keepAlive how often an idle watch gets a {@code :ping} comment, so that both
 * sides notice a dead connection; default 10 s
 * @param pollInterval how often the head version is read from the store, so that versions
 * published by other instances sharing it reach this instance's watches; default 2 s
 */
@Validated
@ConfigurationProperties("frontline.admin.watch")
public record WatchProperties(@NotNull @DefaultValue("10s") Duration keepAlive,
		@NotNull @DefaultValue("2s") Duration pollInterval) {

}
