package dev.frontline.functions.async;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the control plane authenticates to the runtime's operator endpoints
 * ({@code frontline.functions.*}): the dead letters and timer triggers.
 *
 * @param controlPlaneToken the shared secret the admin console sends as
 * {@code Authorization: Bearer <token>}; default {@value #DEFAULT_TOKEN}, the admin
 * console's local development token, which the {@code prod} profile refuses
 */
@ConfigurationProperties("frontline.functions")
@Validated
public record ControlPlaneProperties(@DefaultValue(DEFAULT_TOKEN) @NotBlank String controlPlaneToken) {

	/**
	 * The token for local development, known to everyone who read the docs.
	 */
	public static final String DEFAULT_TOKEN = "local-dev-token";

	/**
	 * Whether the token is the well-known local default.
	 * @return {@code true} for the default
	 */
	boolean usesDefaultToken() {
		return DEFAULT_TOKEN.equals(this.controlPlaneToken);
	}

}
