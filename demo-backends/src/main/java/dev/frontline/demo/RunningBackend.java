package dev.frontline.demo;

import java.time.Duration;

import reactor.netty.DisposableServer;

/**
 * A storefront backend that listens on a port.
 */
public final class RunningBackend {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private final String name;

	private final String baseUrl;

	private final Faults faults;

	private final BackendMetrics metrics;

	private final DisposableServer server;

	RunningBackend(String name, String host, Faults faults, BackendMetrics metrics, DisposableServer server) {
		this.name = name;
		this.faults = faults;
		this.metrics = metrics;
		this.server = server;
		// A wildcard address is not something a client can connect to.
		String reachableHost = ("0.0.0.0".equals(host) || "::".equals(host)) ? "localhost" : host;
		this.baseUrl = "http://" + reachableHost + ":" + server.port();
	}

	/**
	 * The backend's name: {@code profile}, {@code catalog} or {@code cart}.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The port the backend listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Where clients reach the backend, such as {@code http://localhost:7001}.
	 * @return the base URL, without a trailing slash
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The backend's fault settings, which tests may change without going through HTTP.
	 * @return the faults
	 */
	public Faults faults() {
		return this.faults;
	}

	void stop() {
		try {
			this.server.disposeNow(STOP_TIMEOUT);
		}
		finally {
			this.metrics.close();
		}
	}

	@Override
	public String toString() {
		return this.name + " " + this.baseUrl;
	}

}
