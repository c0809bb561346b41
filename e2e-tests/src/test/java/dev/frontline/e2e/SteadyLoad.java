package dev.frontline.e2e;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Requests sent at a steady rate, in turn from a list, until closed; each answer other
 * than 200, and each request that got no answer, is kept as a failure. A fixed rate
 * rather than a tight loop, so that a long test leaves the machine's cores to the
 * services it checks.
 */
final class SteadyLoad implements AutoCloseable {

	private static final int KEPT_FAILURES = 20;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "e2e-steady-load");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Supplier<HttpRequest>> requests;

	private final AtomicLong next = new AtomicLong();

	private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

	private final AtomicLong succeeded = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final Queue<String> failures = new ConcurrentLinkedQueue<>();

	private final AtomicReference<Throwable> stopped = new AtomicReference<>();

	private SteadyLoad(List<Supplier<HttpRequest>> requests) {
		this.requests = List.copyOf(requests);
	}

	/**
	 * Starts sending the given requests, in turn, at the given rate.
	 */
	static SteadyLoad start(int perSecond, List<Supplier<HttpRequest>> requests) {
		SteadyLoad load = new SteadyLoad(requests);
		load.scheduler.scheduleAtFixedRate(load::sendNext, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
		return load;
	}

	private void sendNext() {
		try {
			HttpRequest request = this.requests.get((int) (this.next.getAndIncrement() % this.requests.size())).get();
			CompletableFuture<?> answered = this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, ex) -> {
					if (ex != null) {
						fail(request.method() + " " + request.uri() + ": " + ex);
					}
					else if (response.statusCode() != 200) {
						fail(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
								+ response.body());
					}
					else {
						this.succeeded.incrementAndGet();
					}
				});
			this.inFlight.add(answered);
			answered.whenComplete((response, ex) -> this.inFlight.remove(answered));
		}
		catch (RuntimeException ex) {
			// A scheduled task that throws is never run again; keep why it stopped.
			this.stopped.compareAndSet(null, ex);
			throw ex;
		}
	}

	private void fail(String failure) {
		this.failed.incrementAndGet();
		if (this.failures.size() < KEPT_FAILURES) {
			this.failures.add(failure);
		}
	}

	/**
	 * The requests answered with 200 so far.
	 */
	long succeeded() {
		return this.succeeded.get();
	}

	/**
	 * The first failures so far, each the request and what came back, and how many more
	 * there were.
	 */
	List<String> failures() {
		List<String> kept = new ArrayList<>(this.failures);
		if (this.failed.get() > kept.size()) {
			kept.add("and " + (this.failed.get() - kept.size()) + " more");
		}
		Throwable reason = this.stopped.get();
		if (reason != null) {
			kept.add("the load stopped: " + reason);
		}
		return kept;
	}

	/**
	 * Sends no more requests, and waits up to ten seconds for those in flight.
	 */
	@Override
	public void close() throws InterruptedException {
		this.scheduler.shutdownNow();
		this.scheduler.awaitTermination(10, TimeUnit.SECONDS);
		try {
			CompletableFuture.allOf(this.inFlight.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			// Each failure is counted where it happened; one still in flight is dropped.
		}
	}

}
