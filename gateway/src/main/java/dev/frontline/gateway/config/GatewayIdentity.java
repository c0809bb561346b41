package dev.frontline.gateway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.core.env.Environment;

/**
 * Who this gateway is to the control plane and to the function runtimes, and since when
 * it runs.
 *
 * @param id the gateway's id
 * @param startedAt when this process started
 */
public record GatewayIdentity(String id, Instant startedAt) {

	/**
	 * The configured id, or one derived from the host name and the server port, which
	 * stays the same when the instance restarts.
	 */
	static GatewayIdentity of(ConfigSyncProperties properties, Environment environment) {
		String id = properties.id();
		if (id == null) {
			String port = environment.getProperty("server.port", "8080");
			// A random port gives no stable identity, so none is pretended.
			String suffix = "0".equals(port) ? UUID.randomUUID().toString().substring(0, 8) : port;
			id = sanitize(hostName() + "-" + suffix);
		}
		return new GatewayIdentity(id, Instant.now());
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "gateway";
		}
	}

	private static String sanitize(String id) {
		String clean = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
		clean = (clean.length() > 100) ? clean.substring(clean.length() - 100) : clean;
		clean = clean.replaceFirst("^[^a-z0-9]+", "");
		return clean.isEmpty() ? "gateway" : clean;
	}

}
