package dev.frontline.admin.trigger;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Fires the timer triggers. Every {@link TriggerProperties#tickInterval()} it claims the
 * scheduled times that are due (see {@link Schedule#due}) and posts each claimed firing
 * to its runtime on a small pool of threads, so that a slow runtime holds up no other
 * trigger; then it takes the pending firings nobody holds (failed posts due again, and
 * firings whose instance stopped before it recorded an outcome) and posts them again.
 * <p>
 * With several console instances on one store, each scheduled time is fired by the
 * instance whose claim succeeds, and only by that one. A time is marked fired through
 * only after it was claimed here or found claimed by another instance, so no time is
 * skipped but those collapsed into a catch-up firing after downtime.
 * <p>
 * Ticks run on a thread of their own, so that a long release evaluation on the shared
 * scheduler delays no firing.
 */
class TriggerScheduler implements SmartLifecycle {

	/** The longest wait before a failed post is tried again. */
	static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	/** The most pending firings one tick takes over. */
	private static final int MAX_TAKEN = 100;

	/** How often firings beyond the history limit are deleted. */
	private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

	/** How many firings may wait for a posting thread. */
	private static final int MAX_WAITING = 1000;

	private static final Log log = LogFactory.getLog(TriggerScheduler.class);

	private final Triggers triggers;

	private final TriggerFirings firings;

	private final TriggerEndpoint endpoint;

	private final TriggerProperties properties;

	private final Duration hold;

	private final MeterRegistry meters;

	private final Clock clock;

	private final String instance;

	private final Object lifecycle = new Object();

	private @Nullable ScheduledExecutorService ticks;

	private @Nullable ThreadPoolExecutor posts;

	private volatile boolean running;

	private Instant nextPrune = Instant.MIN;

	/**
	 * @param hold how long an instance holds a firing it posts: longer than a post may
	 * take, after which another instance may post it again
	 */
	TriggerScheduler(Triggers triggers, TriggerFirings firings, TriggerEndpoint endpoint, TriggerProperties properties,
			Duration hold, MeterRegistry meters, Clock clock) {
		this.triggers = triggers;
		this.firings = firings;
		this.endpoint = endpoint;
		this.properties = properties;
		this.hold = hold;
		this.meters = meters;
		this.clock = clock;
		// Two consoles in one process, as tests run them, are told apart by the suffix.
		this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	@Override
	public void start() {
		synchronized (this.lifecycle) {
			if (this.running) {
				return;
			}
			if (this.properties.enabled()) {
				this.posts = new ThreadPoolExecutor(this.properties.concurrency(), this.properties.concurrency(), 1,
						TimeUnit.MINUTES, new ArrayBlockingQueue<>(MAX_WAITING), threads("trigger-post-"));
				this.posts.allowCoreThreadTimeOut(true);
				this.ticks = Executors.newSingleThreadScheduledExecutor(threads("trigger-tick-"));
				long interval = this.properties.tickInterval().toMillis();
				this.ticks.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
			}
			else {
				log.info("Timer triggers are not fired by this instance (frontline.admin.triggers.enabled=false)");
			}
			this.running = true;
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycle) {
			if (this.ticks != null) {
				this.ticks.shutdownNow();
				this.ticks = null;
			}
			if (this.posts != null) {
				// Posts under way may finish; a firing left pending is taken over once
				// its
				// hold runs out.
				this.posts.shutdown();
				try {
					this.posts.awaitTermination(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				this.posts.shutdownNow();
				this.posts = null;
			}
			this.running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Claims and posts what is due, then takes over the unheld pending firings.
	 */
	void tick() {
		Instant now = this.clock.instant();
		try {
			for (Trigger trigger : this.triggers.enabled()) {
				try {
					fireDue(trigger, now);
				}
				catch (TriggerChanged ex) {
					log.debug(ex.getMessage() + "; reading it again on the next tick");
				}
				catch (RuntimeException ex) {
					log.warn("Cannot fire timer trigger " + trigger.id() + "; trying again on the next tick", ex);
				}
			}
			for (Firing firing : this.firings.unheld(now, MAX_TAKEN)) {
				if (this.firings.hold(firing, now, this.instance, now.plus(this.hold))) {
					submit(firing);
				}
			}
			if (!now.isBefore(this.nextPrune)) {
				this.nextPrune = now.plus(PRUNE_EVERY);
				for (Trigger trigger : this.triggers.findAll()) {
					this.firings.prune(trigger.id(), this.properties.historyLimit());
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Cannot look for timer triggers to fire; trying again on the next tick", ex);
		}
	}

	private void fireDue(Trigger trigger, Instant now) {
		Schedule.Due due = trigger.schedule().due(trigger.firedThrough(), now, this.properties.catchUpAfter());
		List<Instant> times = due.times();
		if (times.isEmpty()) {
			return;
		}
		Instant through = null;
		try {
			for (Instant time : times) {
				boolean catchUp = time.equals(due.catchUp());
				Optional<Firing> claimed = this.firings.claim(trigger, time, catchUp, now, this.instance,
						now.plus(this.hold));
				through = time;
				if (claimed.isPresent()) {
					if (catchUp) {
						log.info("Timer trigger " + trigger.id() + " missed its scheduled times from "
								+ trigger.firedThrough() + " to " + time + "; firing once, for " + time);
					}
					submit(claimed.get());
				}
			}
		}
		finally {
			if (through != null) {
				this.triggers.firedThrough(trigger.id(), trigger.revision(), through);
			}
		}
	}

	private void submit(Firing firing) {
		ThreadPoolExecutor pool = this.posts;
		if (pool == null) {
			return;
		}
		try {
			pool.execute(() -> attempt(firing));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Too many firings wait for a post; " + firing.idempotencyKey() + " is posted once its hold of "
					+ this.hold + " runs out");
		}
	}

	/**
	 * Posts a firing held by this instance, and records what came of it.
	 */
	void attempt(Firing firing) {
		TriggerEndpoint.Outcome outcome;
		try {
			outcome = this.endpoint.post(firing);
		}
		catch (RuntimeException ex) {
			log.error("Cannot post firing " + firing.idempotencyKey(), ex);
			outcome = TriggerEndpoint.Outcome.retry(ex.toString());
		}
		Instant now = this.clock.instant();
		try {
			switch (outcome.kind()) {
				case ACCEPTED -> {
					this.firings.fired(firing, now, String.valueOf(outcome.invocationId()), outcome.invocationStatus());
					count("fired");
				}
				case REFUSED -> {
					log.warn("Timer trigger firing " + firing.idempotencyKey() + " failed: " + outcome.error());
					this.firings.failed(firing, now, String.valueOf(outcome.error()));
					count("failed");
				}
				case FAILED -> retryOrGiveUp(firing, now, String.valueOf(outcome.error()));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Cannot record the outcome of firing " + firing.idempotencyKey() + " (" + outcome.kind()
					+ "); it is posted again once its hold runs out", ex);
		}
	}

	private void retryOrGiveUp(Firing firing, Instant now, String error) {
		Instant deadline = firing.scheduledAt().plus(this.properties.retryFor());
		if (!now.isBefore(deadline)) {
			log.warn("Timer trigger firing " + firing.idempotencyKey() + " failed: " + error + "; gave up after "
					+ (firing.attempts() + 1) + " attempts");
			this.firings.failed(firing, now, error + " (gave up after " + (firing.attempts() + 1) + " attempts in "
					+ this.properties.retryFor() + ")");
			count("failed");
			return;
		}
		Duration backoff = backoff(firing.attempts() + 1);
		log.info("Timer trigger firing " + firing.idempotencyKey() + " failed: " + error + "; trying again in "
				+ backoff);
		this.firings.failedOnce(firing, error, now.plus(backoff));
		count("retried");
	}

	/**
	 * The wait after the given number of failed attempts: a tick interval, doubling, up
	 * to {@link #MAX_BACKOFF}.
	 */
	Duration backoff(int failedAttempts) {
		Duration backoff = this.properties.tickInterval();
		for (int i = 1; i < failedAttempts && backoff.compareTo(MAX_BACKOFF) < 0; i++) {
			backoff = backoff.multipliedBy(2);
		}
		return (backoff.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff;
	}

	private void count(String outcome) {
		this.meters.counter("frontline.trigger.firings", "outcome", outcome).increment();
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger number = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
