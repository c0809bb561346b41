package dev.frontline.functions.warmup;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;

/**
 * Runs every {@link FunctionInitializer} once the application has started, and reports
 * whether they have all completed as the health contributor {@code functionInitializers},
 * which the readiness group includes: DOWN while one is running (details {@code running})
 * or after one failed (details {@code failed}, with the reason), UP once all completed.
 */
class FunctionInitializers implements ApplicationListener<ApplicationStartedEvent>, HealthIndicator, DisposableBean {

	private static final Log logger = LogFactory.getLog(FunctionInitializers.class);

	private final Map<String, FunctionInitializer> initializers;

	private final Duration timeout;

	private final Map<String, String> running = new ConcurrentHashMap<>();

	private final Map<String, String> failed = new ConcurrentHashMap<>();

	private final AtomicBoolean started = new AtomicBoolean();

	private final Disposable.Composite subscriptions = Disposables.composite();

	FunctionInitializers(Map<String, FunctionInitializer> initializers, Duration timeout) {
		this.initializers = Map.copyOf(initializers);
		this.timeout = timeout;
		initializers.keySet().forEach((name) -> this.running.put(name, "not started"));
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		if (!this.started.compareAndSet(false, true)) {
			return;
		}
		this.initializers.forEach(this::start);
	}

	private void start(String name, FunctionInitializer initializer) {
		long started = System.nanoTime();
		this.running.put(name, "running");
		this.subscriptions.add(Mono.defer(initializer::initialize)
			.timeout(this.timeout,
					Mono.error(() -> new IllegalStateException("did not complete within " + this.timeout.toMillis()
							+ " ms (frontline.initializers.timeout)")))
			.subscribe(null, (ex) -> {
				this.failed.put(name, String.valueOf(ex.getMessage()));
				this.running.remove(name);
				logger.error("Function initializer '" + name + "' failed; the runtime stays unready", ex);
			}, () -> {
				this.running.remove(name);
				logger.info("Function initializer '" + name + "' completed in "
						+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
			}));
	}

	@Override
	public Health health() {
		if (this.running.isEmpty() && this.failed.isEmpty()) {
			return Health.up().withDetail("completed", this.initializers.size()).build();
		}
		Health.Builder health = Health.down();
		if (!this.running.isEmpty()) {
			health.withDetail("running", new TreeMap<>(this.running).keySet());
		}
		if (!this.failed.isEmpty()) {
			health.withDetail("failed", new TreeMap<>(this.failed));
		}
		return health.build();
	}

	@Override
	public void destroy() {
		this.subscriptions.dispose();
	}

}
