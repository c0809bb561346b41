package dev.frontline.admin.runtime;

import java.time.Duration;
import java.util.List;

import dev.frontline.contract.DurationRange;
import dev.frontline.contract.HttpUri;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The function runtimes whose operator endpoints ({@code /async/dead-letters/**},
 * {@code /async/triggers/**}) the console calls, with the control-plane token
 * ({@code frontline.control-plane.token}) as {@code Authorization: Bearer <token>}.
 *
 * @param uris the base URIs of the runtimes, such as {@code http://functions:8090}: the
 * dead letters are merged from all of them, and a timer trigger that names no runtime
 * fires on the first; default none, which stands for the seed's runtime
 * ({@code frontline.admin.seed.functions-uri}, itself {@code http://localhost:8090} by
 * default)
 * @param connectTimeout how long to wait for a connection to a runtime; default 1 s
 * @param readTimeout how long to wait for a runtime's answer once connected; default 5 s
 */
@Validated
@ConfigurationProperties("frontline.admin.runtimes")
public record FunctionRuntimeProperties(@NotNull @Size(max = 50) @DefaultValue List<@NotNull @HttpUri String> uris,
		@NotNull @DurationRange(minMillis = 1, maxMillis = 60_000) @DefaultValue("1s") Duration connectTimeout,
		@NotNull @DurationRange(minMillis = 1, maxMillis = 300_000) @DefaultValue("5s") Duration readTimeout) {

}
