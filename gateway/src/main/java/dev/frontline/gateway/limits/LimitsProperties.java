package dev.frontline.gateway.limits;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on the requests the gateway forwards. The sizes of the request line and of the
 * headers are the HTTP server's: {@code server.netty.max-initial-line-length} and
 * {@code server.max-http-request-header-size}.
 *
 * @param maxBodySize the largest request body forwarded to a target; a larger one is
 * answered 413, from its {@code Content-Length} before any of it is read, or, for a body
 * without one, as soon as that much has streamed through; default 10 MB
 */
@ConfigurationProperties("frontline.gateway.limits")
@Validated
public record LimitsProperties(@DefaultValue("10MB") @NotNull DataSize maxBodySize) {

	public LimitsProperties {
		if (maxBodySize != null && maxBodySize.toBytes() < 1) {
			throw new IllegalArgumentException("max-body-size must be at least 1 byte, not " + maxBodySize);
		}
	}

}
