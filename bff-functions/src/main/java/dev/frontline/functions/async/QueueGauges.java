package dev.frontline.functions.async;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Reads the queue statistics from the store every interval, on a thread of its own, for
 * the gauges of {@link AsyncMetrics}: a scrape reads the last figures and never waits for
 * the database.
 */
class QueueGauges implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(QueueGauges.class);

	private final Invocations invocations;

	private final AsyncMetrics metrics;

	private final Duration interval;

	private @Nullable ScheduledExecutorService executor;

	QueueGauges(Invocations invocations, AsyncMetrics metrics, Duration interval) {
		this.invocations = invocations;
		this.metrics = metrics;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "async-queue-gauges");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::refresh, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private void refresh() {
		try {
			this.metrics.update(this.invocations.statistics());
		}
		catch (RuntimeException ex) {
			// The gauges keep their last figures until the store answers again.
			logger.warn("The asynchronous invocation gauges could not be read from the store: " + ex.getMessage());
		}
	}

}
