package dev.frontline.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three storefront backends (profile, catalog and cart), each on its own port. Start
 * them in a test with {@code DemoBackends.start(DemoBackends.Options.defaults())} and
 * close them when done. Each serves its metrics at {@code /actuator/prometheus} on its
 * port.
 */
public final class DemoBackends implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DemoBackends.class);

	private final RunningBackend profile;

	private final RunningBackend catalog;

	private final RunningBackend cart;

	private DemoBackends(RunningBackend profile, RunningBackend catalog, RunningBackend cart) {
		this.profile = profile;
		this.catalog = catalog;
		this.cart = cart;
	}

	/**
	 * Starts the backends on random ports with the default latency.
	 * @return the running backends
	 */
	public static DemoBackends start() {
		return start(Options.defaults());
	}

	/**
	 * Starts the backends.
	 * @param options where they listen and how slow they are
	 * @return the running backends
	 */
	public static DemoBackends start(Options options) {
		List<RunningBackend> started = new ArrayList<>(3);
		try {
			RunningBackend profile = start(options, "profile", options.profilePort(), StorefrontEndpoints::profile,
					started);
			RunningBackend catalog = start(options, "catalog", options.catalogPort(), StorefrontEndpoints::catalog,
					started);
			RunningBackend cart = start(options, "cart", options.cartPort(), StorefrontEndpoints::cart, started);
			return new DemoBackends(profile, catalog, cart);
		}
		catch (RuntimeException ex) {
			started.forEach(RunningBackend::stop);
			throw ex;
		}
	}

	private static RunningBackend start(Options options, String name, int port, Supplier<List<Endpoint>> endpoints,
			List<RunningBackend> started) {
		Faults faults = new Faults();
		BackendMetrics metrics = new BackendMetrics(name);
		BackendServer server = new BackendServer(name, endpoints.get(), options.minLatency(), options.maxLatency(),
				faults, metrics);
		RunningBackend backend;
		try {
			backend = new RunningBackend(name, options.host(), faults, metrics, server.bind(options.host(), port));
		}
		catch (RuntimeException ex) {
			metrics.close();
			throw ex;
		}
		started.add(backend);
		logger.debug("{} backend listening on {}", name, backend.baseUrl());
		return backend;
	}

	/**
	 * The profile backend ({@code GET /users/{id}}).
	 * @return the profile backend
	 */
	public RunningBackend profile() {
		return this.profile;
	}

	/**
	 * The catalog backend ({@code GET /products/{id}}, {@code GET /recommendations}).
	 * @return the catalog backend
	 */
	public RunningBackend catalog() {
		return this.catalog;
	}

	/**
	 * The cart backend ({@code GET /carts/{user}}).
	 * @return the cart backend
	 */
	public RunningBackend cart() {
		return this.cart;
	}

	/**
	 * All three backends.
	 * @return profile, catalog and cart
	 */
	public List<RunningBackend> all() {
		return List.of(this.profile, this.catalog, this.cart);
	}

	/**
	 * Stops every backend; requests in flight get up to five seconds to finish.
	 */
	@Override
	public void close() {
		all().forEach(RunningBackend::stop);
		logger.debug("Demo backends stopped");
	}

	/**
	 * Where the backends listen and how slow they are.
	 *
	 * @param host the address to listen on; default {@code localhost}
	 * @param profilePort the profile backend's port, 0 for a free one; default 0
	 * @param catalogPort the catalog backend's port, 0 for a free one; default 0
	 * @param cartPort the cart backend's port, 0 for a free one; default 0
	 * @param minLatency the shortest delay before a storefront answer; default 10 ms
	 * @param maxLatency the longest delay before a storefront answer; default 20 ms
	 */
	public record Options(String host, int profilePort, int catalogPort, int cartPort, Duration minLatency,
			Duration maxLatency) {

		public Options {
			checkPort(profilePort);
			checkPort(catalogPort);
			checkPort(cartPort);
			if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
				throw new IllegalArgumentException("latency must satisfy 0 <= min <= max");
			}
		}

		/**
		 * Random ports on {@code localhost}, 10 to 20 ms of latency.
		 * @return the default options
		 */
		public static Options defaults() {
			return new Options("localhost", 0, 0, 0, Duration.ofMillis(10), Duration.ofMillis(20));
		}

		/**
		 * These options with other ports.
		 * @param profile the profile port, 0 for a free one
		 * @param catalog the catalog port, 0 for a free one
		 * @param cart the cart port, 0 for a free one
		 * @return new options
		 */
		public Options withPorts(int profile, int catalog, int cart) {
			return new Options(this.host, profile, catalog, cart, this.minLatency, this.maxLatency);
		}

		/**
		 * These options with another latency range.
		 * @param min the shortest delay
		 * @param max the longest delay
		 * @return new options
		 */
		public Options withLatency(Duration min, Duration max) {
			return new Options(this.host, this.profilePort, this.catalogPort, this.cartPort, min, max);
		}

		/**
		 * These options with another listen address.
		 * @param host a host name or IP address
		 * @return new options
		 */
		public Options withHost(String host) {
			return new Options(host, this.profilePort, this.catalogPort, this.cartPort, this.minLatency,
					this.maxLatency);
		}

		private static void checkPort(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
			}
		}

	}

}
