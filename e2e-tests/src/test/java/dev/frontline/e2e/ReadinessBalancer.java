package dev.frontline.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer in front of the instances of one service, as a cloud load balancer or a
 * Kubernetes Service does it: it polls each instance's readiness probe every 100 ms,
 * takes an instance out of rotation after two failed probes in a row (any answer but 200,
 * or none within a second; the project's Kubernetes probes also have a failure threshold
 * of two) and back after one good probe, and sends each request to the next instance in
 * rotation. It never retries: a request that fails on its instance is answered with 502
 * and counted.
 */
final class ReadinessBalancer implements AutoCloseable {

	static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	static final int FAILURE_THRESHOLD = 2;

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "keep-alive",
			"proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "http2-settings");

	static {
		// The JDK server closes connections idle for 30 s; the gateway's connection pool
		// to this balancer keeps them longer, and a request racing that close would fail
		// for a reason of this test rig's own.
		System.setProperty("sun.net.httpserver.idleInterval", "600");
	}

	private final String name;

	private final List<Instance> instances;

	private final HttpServer server;

	private final ExecutorService workers = Executors.newCachedThreadPool();

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final AtomicInteger next = new AtomicInteger();

	private final Queue<String> failures = new ConcurrentLinkedQueue<>();

	private ReadinessBalancer(String name, List<Instance> instances) throws IOException {
		this.name = name;
		this.instances = List.copyOf(instances);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
		this.server.setExecutor(this.workers);
		this.server.createContext("/", this::forward);
	}

	/**
	 * Starts balancing over the given instances, each taking requests once its readiness
	 * probe has answered 200.
	 */
	static ReadinessBalancer start(String name, Instance... instances) throws IOException {
		ReadinessBalancer balancer = new ReadinessBalancer(name, List.of(instances));
		balancer.server.start();
		balancer.poller.scheduleWithFixedDelay(balancer::pollReadiness, 0, POLL_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
		return balancer;
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Requests that failed on an instance or found none ready.
	 */
	List<String> failures() {
		return List.copyOf(this.failures);
	}

	private void pollReadiness() {
		List<CompletableFuture<Void>> polls = new ArrayList<>();
		for (Instance instance : this.instances) {
			polls.add(
					this.http
						.sendAsync(HttpRequest.newBuilder(instance.readiness).timeout(PROBE_TIMEOUT).build(),
								HttpResponse.BodyHandlers.discarding())
						.handle((response, failure) -> {
							instance.observe((response != null) ? response.statusCode() : Instance.NO_ANSWER);
							return null;
						}));
		}
		CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).join();
	}

	private void forward(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Instance instance = nextReady();
			if (instance == null) {
				fail(exchange, 503, "no ready instance for " + exchange.getRequestURI());
				return;
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.base + exchange.getRequestURI()))
				.timeout(Duration.ofSeconds(15))
				.method(exchange.getRequestMethod(), (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
						: HttpRequest.BodyPublishers.noBody());
			exchange.getRequestHeaders()
				.forEach((header, values) -> copy(header, values, (value) -> request.header(header, value)));
			HttpResponse<byte[]> response;
			instance.inFlight.incrementAndGet();
			try {
				response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException ex) {
				fail(exchange, 502, instance + " failed " + exchange.getRequestURI() + ": " + ex);
				return;
			}
			finally {
				instance.inFlight.decrementAndGet();
			}
			instance.served.incrementAndGet();
			response.headers()
				.map()
				.forEach((header, values) -> copy(header, values,
						(value) -> exchange.getResponseHeaders().add(header, value)));
			byte[] answer = response.body();
			exchange.sendResponseHeaders(response.statusCode(), (answer.length > 0) ? answer.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void copy(String header, List<String> values, Consumer<String> add) {
		if (!HOP_BY_HOP.contains(header.toLowerCase(Locale.ROOT))) {
			values.forEach(add);
		}
	}

	private Instance nextReady() {
		List<Instance> ready = this.instances.stream().filter(Instance::inRotation).toList();
		return ready.isEmpty() ? null : ready.get(Math.floorMod(this.next.getAndIncrement(), ready.size()));
	}

	private void fail(HttpExchange exchange, int status, String reason) throws IOException {
		this.failures.add(reason);
		byte[] body = reason.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	@Override
	public void close() {
		this.poller.shutdownNow();
		this.server.stop(0);
		this.workers.shutdownNow();
	}

	@Override
	public String toString() {
		return this.name;
	}

	/**
	 * One instance behind the balancer, what its readiness probe answered when, when it
	 * left the rotation, and the requests it served.
	 */
	static final class Instance {

		static final int NO_ANSWER = 0;

		private final String name;

		private final String base;

		private final URI readiness;

		private final AtomicLong served = new AtomicLong();

		private final AtomicInteger inFlight = new AtomicInteger();

		private final List<Probe> probes = new ArrayList<>();

		private final List<Long> leftRotation = new ArrayList<>();

		private volatile int lastStatus = NO_ANSWER;

		private volatile boolean inRotation;

		private int failedProbes;

		Instance(String name, int port, int managementPort) {
			this.name = name;
			this.base = "http://127.0.0.1:" + port;
			this.readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
		}

		boolean inRotation() {
			return this.inRotation;
		}

		long served() {
			return this.served.get();
		}

		/**
		 * Requests sent to this instance that have not been answered yet.
		 */
		int inFlight() {
			return this.inFlight.get();
		}

		/**
		 * The first answer of the readiness probe other than 200 after the given instant
		 * ({@link System#nanoTime()}), if any.
		 */
		Probe firstNotReadyAfter(long nanos) {
			synchronized (this.probes) {
				return this.probes.stream()
					.filter((probe) -> probe.nanos() > nanos && probe.status() != 200)
					.findFirst()
					.orElse(null);
			}
		}

		/**
		 * When this instance left the rotation after the given instant
		 * ({@link System#nanoTime()}), if it did.
		 */
		Long leftRotationAfter(long nanos) {
			synchronized (this.probes) {
				return this.leftRotation.stream().filter((left) -> left > nanos).findFirst().orElse(null);
			}
		}

		// Called by the balancer's one poller thread only.
		private void observe(int status) {
			long now = System.nanoTime();
			synchronized (this.probes) {
				if (status != this.lastStatus) {
					this.probes.add(new Probe(now, status));
				}
				if (status == 200) {
					this.failedProbes = 0;
					this.inRotation = true;
				}
				else if (++this.failedProbes >= FAILURE_THRESHOLD && this.inRotation) {
					this.inRotation = false;
					this.leftRotation.add(now);
				}
			}
			this.lastStatus = status;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * A change of what an instance's readiness probe answers: its status, or
	 * {@link Instance#NO_ANSWER} when nothing answered.
	 */
	record Probe(long nanos, int status) {

	}

}
