package dev.frontline.functions.backend;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The backends that functions call, by name ({@code frontline.backends.<name>.*}).
 *
 * @param backends each backend by name; {@code application.yaml} configures
 * {@code profile} at {@code http://localhost:7001}, {@code catalog} at
 * {@code http://localhost:7002} and {@code cart} at {@code http://localhost:7003}
 */
@ConfigurationProperties("frontline")
@Validated
public record BackendsProperties(@DefaultValue Map<String, @Valid Backend> backends) {

	/**
	 * The settings of one backend.
	 * @param name the backend's name
	 * @return the settings
	 * @throws IllegalStateException if no backend has that name
	 */
	public Backend backend(String name) {
		Backend backend = this.backends.get(name);
		if (backend == null) {
			throw new IllegalStateException("No backend '" + name + "' is configured; set frontline.backends." + name
					+ ".url (configured: " + this.backends.keySet() + ")");
		}
		return backend;
	}

	/**
	 * One backend.
	 *
	 * @param url the base URL, an absolute {@code http} or {@code https} URL; no default
	 * @param timeout how long one call may take, connecting included, before it fails
	 * with 504; default 2 seconds
	 */
	public record Backend(@NotNull URI url, @DefaultValue("2s") @DurationMin(millis = 1) Duration timeout) {

		public Backend {
			if (url != null && !(url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
					&& url.getHost() != null)) {
				throw new IllegalArgumentException("url must be an absolute http(s) URL, not '" + url + "'");
			}
		}

	}

}
