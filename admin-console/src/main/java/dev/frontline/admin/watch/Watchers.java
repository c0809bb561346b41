package dev.frontline.admin.watch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.snapshot.SnapshotPublished;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open watches of this instance. Sends each of them the snapshots published here (at
 * once) and those published by other instances (found by polling the head version), and
 * keeps them alive.
 */
@Component
class Watchers implements SmartLifecycle {

	private final Set<Watcher> open = ConcurrentHashMap.newKeySet();

	private final ConfigVersions versions;

	private final AtomicLong highestSent = new AtomicLong();

	// Sends run off the publishing thread, so a slow client cannot hold up a write.
	private final ExecutorService senders = Executors.newCachedThreadPool(new SenderThreads());

	// Running from the start: watches may open as soon as the web server accepts them,
	// which is before this bean's lifecycle phase starts.
	private volatile boolean running = true;

	Watchers(ConfigVersions versions) {
		this.versions = versions;
	}

	/**
	 * Opens a watch for a client that holds the given version, and sends it the current
	 * snapshot if that is newer.
	 */
	SseEmitter open(long knownVersion) {
		// No timeout: keep-alive pings find dead connections instead.
		SseEmitter emitter = new SseEmitter(0L);
		Watcher watcher = new Watcher(emitter, knownVersion);
		emitter.onCompletion(() -> this.open.remove(watcher));
		emitter.onTimeout(() -> this.open.remove(watcher));
		emitter.onError((ex) -> this.open.remove(watcher));
		if (!this.running) {
			emitter.complete();
			return emitter;
		}
		// Register before reading the current snapshot, so no publish falls in between.
		this.open.add(watcher);
		ConfigSnapshot current = this.versions.current();
		if (current.version() > 0 && !watcher.offer(current.version(), ConfigJson.write(current))) {
			this.open.remove(watcher);
		}
		return emitter;
	}

	@EventListener
	void on(SnapshotPublished event) {
		fanOut(event.snapshot());
	}

	/**
	 * Sends the latest snapshot to every watch, if some instance published one that was
	 * not sent yet.
	 */
	void pollHead() {
		if (this.open.isEmpty()) {
			return;
		}
		long head = this.versions.headVersion();
		if (head > this.highestSent.get()) {
			this.versions.find(head).ifPresent(this::fanOut);
		}
	}

	void pingAll() {
		for (Watcher watcher : this.open) {
			this.senders.execute(() -> {
				if (!watcher.ping()) {
					this.open.remove(watcher);
				}
			});
		}
	}

	int size() {
		return this.open.size();
	}

	private void fanOut(ConfigSnapshot snapshot) {
		this.highestSent.accumulateAndGet(snapshot.version(), Math::max);
		String json = ConfigJson.write(snapshot);
		for (Watcher watcher : this.open) {
			this.senders.execute(() -> {
				if (!watcher.offer(snapshot.version(), json)) {
					this.open.remove(watcher);
				}
			});
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every watch before the web server shuts down gracefully, which would otherwise
	 * wait for these never-ending responses; gateways reconnect elsewhere or later.
	 */
	@Override
	public void stop() {
		this.running = false;
		for (Watcher watcher : this.open) {
			try {
				watcher.emitter().complete();
			}
			catch (RuntimeException ex) {
				// The connection is gone already.
			}
		}
		this.open.clear();
		this.senders.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static final class SenderThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "config-watch-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
