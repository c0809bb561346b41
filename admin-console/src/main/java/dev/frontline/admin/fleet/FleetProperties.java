package dev.frontline.admin.fleet;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the console judges the gateways that report to it.
 *
 * @param staleAfter how long after its last heartbeat a gateway is shown as
 * {@code stale}; default 15 s, three of the gateways' default heartbeat intervals
 */
@Validated
@ConfigurationProperties("frontline.admin.fleet")
public record FleetProperties(@NotNull @DefaultValue("15s") Duration staleAfter) {

}
