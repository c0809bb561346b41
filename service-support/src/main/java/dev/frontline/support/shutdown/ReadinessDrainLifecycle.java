package dev.frontline.support.shutdown;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The drain phase of a shutdown: readiness {@code REFUSING_TRAFFIC} while requests are
 * still served, for {@code frontline.shutdown.drain-delay}, before the web server's
 * graceful shutdown stops accepting connections.
 * <p>
 * Spring Boot refuses traffic as the context starts closing, but stops accepting
 * connections right after; a load balancer that polls readiness would keep sending to a
 * closed port until its next poll. Lifecycle beans stop from the highest phase down, so
 * this one, in the highest, holds every later phase back: the web server
 * ({@code WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE}), the management server
 * that answers the readiness probe, and what requests need (the function runtime's async
 * scheduler) all keep running through the drain.
 * <p>
 * Only a closing context drains. One that is merely stopped, as the test framework pauses
 * the cached contexts that a test class does not use, stops at once.
 */
class ReadinessDrainLifecycle implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ReadinessDrainLifecycle.class);

	private final Duration drainDelay;

	private final ApplicationAvailability availability;

	private final ApplicationContext context;

	private volatile boolean running;

	private volatile boolean refusedTraffic;

	ReadinessDrainLifecycle(Duration drainDelay, ApplicationAvailability availability, ApplicationContext context) {
		this.drainDelay = drainDelay;
		this.availability = availability;
		this.context = context;
	}

	@Override
	public void start() {
		// Boot accepts traffic once the application is ready; this only undoes a
		// refusal of its own, when a stopped context is started again.
		if (this.refusedTraffic) {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
			this.refusedTraffic = false;
		}
		this.running = true;
	}

	@Override
	public void stop() {
		throw new UnsupportedOperationException("Stop must not be invoked directly");
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		// Already done by Boot when the context closes; not when it is only stopped.
		if (this.availability.getReadinessState() != ReadinessState.REFUSING_TRAFFIC) {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
			this.refusedTraffic = true;
		}
		if (this.drainDelay.isZero() || !closing() || !servesRequests()) {
			callback.run();
			return;
		}
		logger.info("Readiness is REFUSING_TRAFFIC; serving " + this.drainDelay.toMillis()
				+ " ms longer before the web server stops accepting connections");
		// Asynchronous, so that the shutdown waits for it as for the web server's
		// graceful shutdown: at most spring.lifecycle.timeout-per-shutdown-phase.
		CompletableFuture.delayedExecutor(this.drainDelay.toMillis(), TimeUnit.MILLISECONDS).execute(callback);
	}

	private boolean closing() {
		return this.context instanceof ConfigurableApplicationContext configurable && configurable.isClosed();
	}

	/**
	 * Whether a web server takes requests: a test's mock web environment has none to
	 * drain.
	 */
	private boolean servesRequests() {
		return this.context instanceof WebServerApplicationContext web && web.getWebServer() != null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
