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
	 * One backend. Its circuit breaker, retry and bulkhead are configured under
	 * {@code resilience4j.circuitbreaker.instances.<name>},
	 * {@code resilience4j.retry.instances.<name>} and
	 * {@code resilience4j.bulkhead.instances.<name>}, falling back to
	 * {@code resilience4j.*.configs.default}.
	 *
	 * @param url the base URL, an absolute {@code http} or {@code https} URL; no default
	 * @param timeout how long one attempt of a call may take, connecting included, before
	 * it fails with 504; default 2 seconds
	 * @param connectTimeout how long opening a connection may take; never more than
	 * {@code timeout}; default 1 second
	 */
	public record Backend(@NotNull URI url, @DefaultValue("2s") @DurationMin(millis = 1) Duration timeout,
			@DefaultValue("1s") @DurationMin(millis = 1) Duration connectTimeout) {

		public Backend {
			if (url != null && !(url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
					&& url.getHost() != null)) {
				throw new IllegalArgumentException("url must be an absolute http(s) URL, not '" + url + "'");
			}
		}

		/**
		 * A backend at a URL with the default timeouts.
		 * @param url the base URL
		 * @return the backend
		 */
		public static Backend at(URI url) {
			return new Backend(url, Duration.ofSeconds(2), Duration.ofSeconds(1));
		}

		/**
		 * The connect timeout that applies: a connection that takes longer than the whole
		 * attempt may take would time out anyway.
		 * @return the shorter of the two timeouts
		 */
		Duration effectiveConnectTimeout() {
			return (this.connectTimeout.compareTo(this.timeout) < 0) ? this.connectTimeout : this.timeout;
		}

	}

}
