package dev.frontline.gateway.config;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Watches the control plane for new snapshots and applies each, resuming from the version
 * the gateway holds. A watch that fails, ends, or stays silent past the idle timeout is
 * reopened, forever, with exponential backoff and jitter.
 */
final class ConfigWatcher {

	private static final Log logger = LogFactory.getLog(ConfigWatcher.class);

	private static final String SNAPSHOT_EVENT = "snapshot";

	private final ControlPlaneClient client;

	private final SnapshotApplier applier;

	private final ConfigSyncProperties.Watch settings;

	private final AtomicBoolean connected = new AtomicBoolean();

	private final AtomicBoolean failing = new AtomicBoolean();

	private volatile @Nullable Disposable subscription;

	ConfigWatcher(ControlPlaneClient client, SnapshotApplier applier, ConfigSyncProperties.Watch settings) {
		this.client = client;
		this.applier = applier;
		this.settings = settings;
	}

	/**
	 * Whether a watch is open now.
	 */
	boolean connected() {
		return this.connected.get();
	}

	void start() {
		this.subscription = Flux.defer(() -> this.client.watch(this.applier.applied().version(), this::opened))
			.timeout(this.settings.idleTimeout())
			// An ended watch is retried like a failed one, so that it backs off too.
			.concatWith(Flux.error(WatchEnded::new))
			.concatMap(this::handle)
			.doOnError(this::lost)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, this.settings.minBackoff())
				.maxBackoff(this.settings.maxBackoff())
				.jitter(0.5)
				// Every event received starts the backoff afresh.
				.transientErrors(true))
			.subscribe(null, (ex) -> logger.error("Config watch stopped", ex));
	}

	void stop() {
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
		this.connected.set(false);
	}

	private Mono<?> handle(ServerSentEvent<String> event) {
		String data = event.data();
		if (SNAPSHOT_EVENT.equals(event.event()) && data != null) {
			// Validating, compiling and saving a snapshot stays off the event loop.
			return Mono.fromCallable(() -> this.applier.offer(data)).subscribeOn(Schedulers.boundedElastic());
		}
		return Mono.just(event);
	}

	private void opened() {
		this.failing.set(false);
		if (!this.connected.getAndSet(true)) {
			logger.info("Watching the control plane for config snapshots");
		}
	}

	private void lost(Throwable ex) {
		boolean wasConnected = this.connected.getAndSet(false);
		if (wasConnected || !this.failing.getAndSet(true)) {
			logger.warn("Control plane watch " + (wasConnected ? "lost" : "failed") + " (" + describe(ex)
					+ "); retrying in the background");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Control plane watch failed again (" + describe(ex) + ")");
		}
	}

	private String describe(Throwable ex) {
		if (ex instanceof TimeoutException) {
			return "no event or keep-alive within " + this.settings.idleTimeout().toMillis() + " ms";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/** The control plane ended the watch. */
	private static final class WatchEnded extends RuntimeException {

		WatchEnded() {
			super("the control plane ended the watch", null, false, false);
		}

	}

}
