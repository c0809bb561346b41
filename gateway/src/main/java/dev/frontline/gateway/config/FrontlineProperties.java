package dev.frontline.gateway.config;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every Frontline service shares.
 *
 * @param dataDir directory under which services keep their files; default {@code ./data}
 * @param controlPlane access to the control plane
 */
@ConfigurationProperties("frontline")
@Validated
public record FrontlineProperties(@DefaultValue("./data") @NotNull Path dataDir,
		@DefaultValue @Valid ControlPlane controlPlane) {

	/**
	 * Access to the control plane.
	 *
	 * @param token shared secret that gateways send as a bearer token; default
	 * {@code local-dev-token}, for local development only
	 */
	public record ControlPlane(@DefaultValue("local-dev-token") @NotBlank String token) {

	}

}
