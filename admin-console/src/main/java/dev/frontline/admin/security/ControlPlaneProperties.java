package dev.frontline.admin.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How gateways authenticate to the control plane.
 *
 * @param token the shared secret gateways send as {@code Authorization: Bearer <token>};
 * default {@value #DEFAULT_TOKEN}, which is refused under the {@code prod} profile
 */
@Validated
@ConfigurationProperties("frontline.control-plane")
public record ControlPlaneProperties(@NotBlank @DefaultValue(DEFAULT_TOKEN) String token) {

	/** The token for local development, known to everyone who read the docs. */
	public static final String DEFAULT_TOKEN = "local-dev-token";

	/**
	 * Whether the token is the well-known local default.
	 */
	public boolean usesDefaultToken() {
		return DEFAULT_TOKEN.equals(this.token);
	}

}
