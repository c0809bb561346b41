package dev.frontline.admin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The shared secret gateways authenticate with. Refuses the well-known local default
 * under the {@code prod} profile, whether or not the console serves HTTP.
 */
@Component
class ControlPlaneToken {

	private final byte[] token;

	ControlPlaneToken(ControlPlaneProperties properties, Environment environment) {
		if (environment.matchesProfiles("prod") && properties.usesDefaultToken()) {
			throw new DefaultTokenInProduction();
		}
		this.token = properties.token().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Whether the presented token is the control-plane token, compared in constant time
	 * so that response times do not reveal how much of a guess was right.
	 */
	boolean matches(String presented) {
		return MessageDigest.isEqual(this.token, presented.getBytes(StandardCharsets.UTF_8));
	}

}
