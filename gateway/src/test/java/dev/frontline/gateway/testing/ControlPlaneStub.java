package dev.frontline.gateway.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A control plane with the gateway endpoints only: the snapshot watch (server-sent events
 * with a keep-alive comment every 200 ms) and the status report, which it can be told to
 * refuse. It can be stopped and started again on the same port.
 */
public final class ControlPlaneStub implements AutoCloseable {

	private final Sinks.Many<String> published = Sinks.many().multicast().directBestEffort();

	// Its own event loops: a gateway that shuts down disposes of Reactor Netty's shared
	// ones.
	private final LoopResources loops = LoopResources.create("control-plane-stub", 1, true);

	private final List<String> watches = new CopyOnWriteArrayList<>();

	private final List<String> statusReports = new CopyOnWriteArrayList<>();

	private final AtomicInteger refusedStatusReports = new AtomicInteger();

	private final Set<Channel> connections = ConcurrentHashMap.newKeySet();

	private volatile boolean refusingStatusReports;

	private volatile @Nullable String currentFrame;

	private volatile long currentVersion;

	private final Duration keepAlive;

	private volatile int port;

	private volatile @Nullable DisposableServer server;

	private volatile Sinks.Empty<Void> stopped = Sinks.empty();

	private ControlPlaneStub(Duration keepAlive) {
		this.keepAlive = keepAlive;
	}

	/**
	 * Starts a control plane on a random port.
	 */
	public static ControlPlaneStub start() {
		return start(Duration.ofMillis(200));
	}

	/**
	 * Starts a control plane on a random port that sends keep-alive comments at the given
	 * interval.
	 */
	public static ControlPlaneStub start(Duration keepAlive) {
		ControlPlaneStub stub = new ControlPlaneStub(keepAlive);
		stub.bind(0);
		return stub;
	}

	/**
	 * Reserves a port for a control plane that is not started yet.
	 */
	public static ControlPlaneStub notStarted() {
		ControlPlaneStub stub = start();
		stub.stop();
		return stub;
	}

	private void bind(int port) {
		this.stopped = Sinks.empty();
		DisposableServer bound = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(port)
			.doOnConnection((connection) -> {
				// The channel, not the connection, which ends with each request.
				Channel channel = connection.channel();
				this.connections.add(channel);
				channel.closeFuture().addListener((closed) -> this.connections.remove(channel));
			})
			.handle(this::answer)
			.bindNow();
		this.port = bound.port();
		this.server = bound;
	}

	/**
	 * The base URI of the control plane.
	 */
	public String uri() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Publishes a snapshot to every open watch, and to each watch opened later.
	 */
	public void publish(ConfigSnapshot snapshot) {
		publish(snapshot.version(), ConfigJson.write(snapshot));
	}

	/**
	 * Publishes the given data as a snapshot event.
	 */
	public void publish(long version, String data) {
		String frame = "event: snapshot\nid: " + version + "\ndata: " + data + "\n\n";
		this.currentFrame = frame;
		this.currentVersion = version;
		this.published.tryEmitNext(frame);
	}

	/**
	 * Ends every watch, closes every connection and stops listening, so that a client
	 * cannot go on with a connection it keeps alive.
	 */
	public void stop() {
		this.stopped.tryEmitEmpty();
		this.connections.forEach(Channel::close);
		DisposableServer current = this.server;
		if (current != null) {
			current.disposeNow();
			this.server = null;
		}
	}

	/**
	 * Listens again on the same port.
	 */
	public void restart() {
		bind(this.port);
	}

	/**
	 * Each watch request received, as {@code <query> <authorization header>}.
	 */
	public List<String> watches() {
		return this.watches;
	}

	/**
	 * The body of each status report received, oldest first.
	 */
	public List<String> statusReports() {
		return this.statusReports;
	}

	/**
	 * Answers status reports with 503 from now on, or accepts them again. Refused reports
	 * are counted, not kept.
	 */
	public void refuseStatusReports(boolean refuse) {
		this.refusingStatusReports = refuse;
	}

	/**
	 * How many status reports were refused.
	 */
	public int refusedStatusReports() {
		return this.refusedStatusReports.get();
	}

	/**
	 * The body of the last status report received, if any.
	 */
	public @Nullable String lastStatusReport() {
		return this.statusReports.isEmpty() ? null : this.statusReports.get(this.statusReports.size() - 1);
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		URI uri = URI.create(request.uri());
		String authorization = request.requestHeaders().get("Authorization");
		if (uri.getPath().equals("/api/v1/config/watch")) {
			this.watches.add(uri.getRawQuery() + " " + authorization);
			String since = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("since");
			long held = (since != null) ? Long.parseLong(since) : 0;
			String frame = this.currentFrame;
			Flux<String> snapshots = Flux.concat(
					(frame != null && this.currentVersion > held) ? Flux.just(frame) : Flux.empty(),
					this.published.asFlux());
			Flux<String> pings = Flux.interval(this.keepAlive).map((tick) -> ":ping\n\n");
			return response.header("Content-Type", "text/event-stream")
				.sendString(Flux.merge(snapshots, pings).takeUntilOther(this.stopped.asMono()), StandardCharsets.UTF_8)
				.then();
		}
		if (uri.getPath().startsWith("/api/v1/gateways/") && uri.getPath().endsWith("/status")) {
			if (this.refusingStatusReports) {
				return request.receive()
					.then(Mono.fromRunnable(this.refusedStatusReports::incrementAndGet))
					.then(response.status(503).send());
			}
			return request.receive()
				.aggregate()
				.asString(StandardCharsets.UTF_8)
				.doOnNext(this.statusReports::add)
				.then(response.status(204).send());
		}
		return response.status(404).send();
	}

	@Override
	public void close() {
		stop();
		this.loops.dispose();
	}

}
