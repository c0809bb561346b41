import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of {@code bench/soak}: storefront traffic at a fixed rate through a
 * gateway for some minutes, then a report. Run as {@code java bench/Soak.java --gateway
 * URL --tokens FILE [--minutes N] [--rate R] [--warmup S] [--heap-margin-mb M]
 * [--heap-margin-percent P] [--max-in-flight N] [--service NAME=PID]...}: by default 10
 * minutes at 200 requests a second after 60 s of warm-up (rising from a tenth of the rate
 * to all of it), a margin of 16 MiB or 20 %,
 * whichever is larger, and at most 500 requests in flight.
 *
 * <p>
 * Each request is sent at its planned time whether or not earlier ones have been
 * answered, and its latency counts from that time, so that a stalled service shows as
 * latency rather than as fewer requests. Each kind of request has the statuses it should
 * get; the refusals it provokes on purpose (401, 404, 429) are counted apart, and any
 * other status, no answer within ten seconds, or a request not sent because too many are
 * in flight already, is an unexpected error. Each minute it
 * forces a full GC in every named service ({@code jcmd PID GC.run}) and reads its heap
 * after it ({@code GC.heap_info}). It exits with 1 if there was any unexpected error, or
 * if a service's heap after GC at the end exceeds that at the start by more than the
 * margin.
 */
public class Soak {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	// Used heap of the generations (Serial, Parallel) or of the whole heap (G1, ZGC,
	// Shenandoah), in KiB.
	private static final Pattern HEAP_USED = Pattern
		.compile("^\\s*(?:\\S+ )*(?:generation|heap)\\s.*?\\bused (\\d+)K", Pattern.MULTILINE);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Options options;

	private final Path gcCommands;

	private final List<Kind> mix;

	private final List<String> tokens;

	private final List<Minute> minutes = new ArrayList<>();

	private final Map<String, List<Double>> heaps = new LinkedHashMap<>();


	private final AtomicLong pending = new AtomicLong();

	private volatile Minute current;

	private volatile Minute warmup;

	private volatile boolean samplingFailed;

	private final ExecutorService sampler = Executors.newSingleThreadExecutor();


	Soak(Options options, List<String> tokens) throws IOException {
		this.gcCommands = Files.createTempFile("soak-gc", ".jcmd");
		this.gcCommands.toFile().deleteOnExit();
		Files.writeString(this.gcCommands, "GC.run\nGC.heap_info\n");
		this.options = options;
		this.tokens = tokens;
		this.mix = mix();
		options.services().keySet().forEach((name) -> this.heaps.put(name, new ArrayList<>()));
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		List<String> tokens = Files.readAllLines(options.tokens()).stream().filter((line) -> !line.isBlank()).toList();
		if (tokens.isEmpty()) {
			throw new IllegalArgumentException(options.tokens() + " holds no token");
		}
		System.exit(new Soak(options, tokens).run() ? 0 : 1);
	}

	/**
	 * A hundred requests of the mix, in the order they are sent: signed-in mobile and web
	 * home pages and product pages, a third each; two of them invoked asynchronously; five
	 * that provoke a refusal.
	 */
	private List<Kind> mix() {
		Kind mobile = new Kind("mobile home", 200, (n) -> signedIn(n, "/api/m/home"));
		Kind web = new Kind("web home", 200, (n) -> signedIn(n, "/api/web/home"));
		Kind product = new Kind("product", 200, (n) -> request("/api/products/p" + (1 + n % 20)).GET().build());
		Kind async = new Kind("async mobile home", 202,
				(n) -> HttpRequest.newBuilder(signedIn(n, "/api/m/home"), (name, value) -> true)
					.header("X-Frontline-Invocation-Type", "async")
					.build());
		Kind anonymous = new Kind("no token (401)", 401, (n) -> request("/api/m/home").GET().build());
		Kind unknown = new Kind("unknown path (404)", 404, (n) -> request("/api/nothing/" + n % 7).GET().build());
		Kind missingProduct = new Kind("no such product (404)", 404,
				(n) -> request("/api/products/p999").GET().build());
		Kind limited = new Kind("over the limit (429)", 429, (n) -> request("/soak/limited/p1").GET().build());
		List<Kind> mix = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			mix.add(switch (i) {
				case 7, 57 -> async;
				case 11, 61 -> anonymous;
				case 23 -> unknown;
				case 73 -> missingProduct;
				case 41 -> limited;
				default -> (i % 3 == 0) ? product : (i % 3 == 1) ? mobile : web;
			});
		}
		return mix;
	}

	private HttpRequest signedIn(long n, String path) {
		return request(path).header("Authorization", "Bearer " + this.tokens.get((int) (n % this.tokens.size())))
			.GET()
			.build();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.options.gateway() + path)).timeout(TIMEOUT);
	}

	boolean run() throws Exception {
		System.out.printf("Soak: %d req/s for %d min after %d s of warm-up, through %s%n", this.options.rate(),
				this.options.minutes(), this.options.warmup(), this.options.gateway());
		this.current = new Minute(-1);
		long start = System.nanoTime();
		long warmupEnd = start + TimeUnit.SECONDS.toNanos(this.options.warmup());
		long end = warmupEnd + TimeUnit.MINUTES.toNanos(this.options.minutes());
		long nextMinute = warmupEnd;
		int minute = 0;
		long planned = start;
		for (long n = 0;; n++) {
			if (planned >= nextMinute) {
				finish(this.current);
				sampleHeaps(minute);
				if (planned >= end) {
					break;
				}
				this.current = new Minute(minute++);
				nextMinute += TimeUnit.MINUTES.toNanos(1);
			}
			long wait = planned - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			send(this.mix.get((int) (n % this.mix.size())), n, planned);
			// The warm-up ramps from a tenth of the rate to all of it, so that cold
			// services are not buried before their code is compiled.
			double rate = (planned < warmupEnd)
					? this.options.rate() * (0.1 + 0.9 * (planned - start) / (double) (warmupEnd - start))
					: this.options.rate();
			planned += (long) (TimeUnit.SECONDS.toNanos(1) / rate);
		}
		this.sampler.shutdown();
		this.sampler.awaitTermination(5, TimeUnit.MINUTES);
		awaitPending();
		return report();
	}

	// The warm-up is left out of the figures. A line of progress; the requests still in
	// flight are counted in the report.
	private void finish(Minute minute) {
		if (minute.index >= 0) {
			this.minutes.add(minute);
		}
		else {
			this.warmup = minute;
		}
		System.out.printf("  %s done: %d requests, %d unexpected%n",
				(minute.index < 0) ? "warm-up" : "minute " + (minute.index + 1), minute.total.get(),
				minute.unexpected.get());
	}

	private void send(Kind kind, long n, long planned) {
		Minute minute = this.current;
		if (this.pending.get() >= this.options.maxInFlight()) {
			// The services are far behind: more requests would only pile up connections.
			minute.record(kind, -1, 0);
			minute.fail("not sent: " + this.options.maxInFlight() + " requests in flight", kind.name() + ": not sent");
			return;
		}
		HttpRequest request = kind.request().make(n);
		this.pending.incrementAndGet();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, ex) -> {
			long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - planned);
			if (ex != null) {
				minute.record(kind, -1, micros);
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				minute.fail("no answer: " + cause.getClass().getSimpleName(),
						kind.name() + ": no answer (" + cause + ")");
			}
			else {
				minute.record(kind, response.statusCode(), micros);
				if (response.statusCode() != kind.expected()) {
					minute.fail("status " + response.statusCode(), kind.name() + ": " + response.statusCode() + " "
							+ response.body().substring(0, Math.min(300, response.body().length())));
				}
			}
			this.pending.decrementAndGet();
		});
	}

	/**
	 * Forces a GC in every service and reads its heap, on a thread of its own so that the
	 * requests keep their pace; a sampling waits for the one before it.
	 */
	private void sampleHeaps(int minute) {
		this.sampler.execute(() -> {
			List<String> line = new ArrayList<>();
			this.options.services().forEach((name, pid) -> {
				try {
					double mib = heapAfterGc(pid);
					this.heaps.get(name).add(mib);
					line.add(String.format("%s %.1f MiB", name, mib));
				}
				catch (RuntimeException ex) {
					this.samplingFailed = true;
					line.add(name + " not sampled (" + ex.getMessage() + ")");
				}
			});
			System.out.printf("  heap after GC at minute %d: %s%n", minute, String.join(", ", line));
		});
	}

	// Both commands in one attach, so that the heap is read a moment after the GC rather
	// than after the second of another jcmd's start, which fills the young generation.
	private double heapAfterGc(long pid) {
		Matcher used = HEAP_USED.matcher(jcmd(pid, "-f", this.gcCommands.toString()));
		long kib = 0;
		boolean found = false;
		while (used.find()) {
			kib += Long.parseLong(used.group(1));
			found = true;
		}
		if (!found) {
			throw new IllegalStateException("no used heap in the GC.heap_info of " + pid);
		}
		return kib / 1024.0;
	}

	private static String jcmd(long pid, String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(String.join(" ", command) + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitPending() throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
		while (this.pending.get() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	private boolean report() {
		Map<String, Map<Integer, Long>> statuses = new TreeMap<>();
		long total = 0;
		long errors = 0;
		long provoked = 0;
		List<Long> served = new ArrayList<>();
		Map<String, Long> reasons = new TreeMap<>();
		List<String> firstUnexpected = new ArrayList<>();
		for (Minute minute : this.minutes) {
			total += minute.total.get();
			errors += minute.unexpected.get();
			provoked += minute.provoked.get();
			served.addAll(minute.served);
			minute.reasons.forEach((reason, count) -> reasons.merge(reason, count.get(), Long::sum));
			minute.firstUnexpected.items()
				.stream()
				.limit(10 - firstUnexpected.size())
				.forEach(firstUnexpected::add);
			minute.statuses.forEach((kind, counts) -> counts.forEach((status, count) -> statuses
				.computeIfAbsent(kind, (k) -> new TreeMap<>())
				.merge(status, count.get(), Long::sum)));
		}
		System.out.printf("%nRequests: %d in %d min (%.1f req/s); expected refusals (401/404/429): %d; "
				+ "unexpected errors: %d%n", total, this.minutes.size(), total / (this.minutes.size() * 60.0),
				provoked, errors);
		System.out.println("Per minute, latency of the served requests (2xx expected) from their planned send time:");
		this.minutes.forEach(Minute::print);
		System.out.printf("Latency of the served requests (2xx expected), whole run: p50 %.1f ms, p99 %.1f ms, "
				+ "max %.1f ms%n", percentile(served, 0.50), percentile(served, 0.99), percentile(served, 1.0));
		System.out.println("Answers by kind (status=count; -1: no answer):");
		statuses.forEach((kind, counts) -> System.out.printf("  %-24s %s%n", kind, counts));
		if (errors > 0) {
			System.out.println("Unexpected errors by reason: " + reasons);
			System.out.println("First unexpected answers:");
			firstUnexpected.forEach((item) -> System.out.println("  " + item));
		}
		if (this.warmup != null) {
			System.out.printf("Warm-up (not counted above): %d requests, %d unexpected %s%n", this.warmup.total.get(),
					this.warmup.unexpected.get(), new TreeMap<>(this.warmup.reasons));
		}
		boolean heapsHeld = true;
		System.out.printf("Heap after GC, start -> end, slope (least squares); margin %d MiB or %d %%:%n",
				this.options.heapMarginMb(), this.options.heapMarginPercent());
		for (Map.Entry<String, List<Double>> entry : this.heaps.entrySet()) {
			List<Double> samples = entry.getValue();
			if (samples.isEmpty()) {
				heapsHeld = false;
				System.out.printf("  %-14s never sampled%n", entry.getKey());
				continue;
			}
			double start = samples.get(0);
			double end = samples.get(samples.size() - 1);
			double allowed = Math.max(this.options.heapMarginMb(), start * this.options.heapMarginPercent() / 100.0);
			boolean held = end - start <= allowed;
			heapsHeld &= held;
			System.out.printf("  %-14s %7.1f -> %7.1f MiB, %+6.2f MiB/min, grew %+.1f MiB (at most %.1f): %s%n",
					entry.getKey(), start, end, slope(samples), end - start, allowed, held ? "ok" : "GREW");
		}
		boolean passed = errors == 0 && heapsHeld && !this.samplingFailed;
		System.out.println(passed ? "Soak passed." : "Soak FAILED.");
		return passed;
	}

	private static double percentile(List<Long> micros, double quantile) {
		if (micros.isEmpty()) {
			return Double.NaN;
		}
		long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
	}

	// MiB per minute, the samples taken a minute apart.
	private static double slope(List<Double> samples) {
		int n = samples.size();
		if (n < 2) {
			return 0;
		}
		double meanX = (n - 1) / 2.0;
		double meanY = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		double covariance = 0;
		double variance = 0;
		for (int x = 0; x < n; x++) {
			covariance += (x - meanX) * (samples.get(x) - meanY);
			variance += (x - meanX) * (x - meanX);
		}
		return covariance / variance;
	}

	/**
	 * One kind of request and the status it should get.
	 */
	record Kind(String name, int expected, RequestMaker request) {

		boolean provokesRefusal() {
			return this.expected >= 400;
		}

	}

	@FunctionalInterface
	interface RequestMaker {

		HttpRequest make(long n);

	}

	/**
	 * What one minute brought; minute -1 is the warm-up. A request counts in the minute it
	 * was sent in.
	 */
	static final class Minute {

		final int index;

		final AtomicLong total = new AtomicLong();

		final AtomicLong unexpected = new AtomicLong();

		final AtomicLong provoked = new AtomicLong();

		final Map<String, Map<Integer, AtomicLong>> statuses = new ConcurrentHashMap<>();

		final ConcurrentLinkedQueue<Long> served = new ConcurrentLinkedQueue<>();

		final Map<String, AtomicLong> reasons = new ConcurrentHashMap<>();

		final FirstFew<String> firstUnexpected = new FirstFew<>(10);

		Minute(int index) {
			this.index = index;
		}

		void record(Kind kind, int status, long micros) {
			this.total.incrementAndGet();
			this.statuses.computeIfAbsent(kind.name(), (name) -> new ConcurrentHashMap<>())
				.computeIfAbsent(status, (s) -> new AtomicLong())
				.incrementAndGet();
			if (status != kind.expected()) {
				this.unexpected.incrementAndGet();
			}
			else if (kind.provokesRefusal()) {
				this.provoked.incrementAndGet();
			}
			else {
				this.served.add(micros);
			}
		}

		/**
		 * Keeps why a request was unexpected; {@link #record} has counted it already.
		 */
		void fail(String reason, String detail) {
			this.reasons.computeIfAbsent(reason, (r) -> new AtomicLong()).incrementAndGet();
			this.firstUnexpected.offer(detail);
		}

		void print() {
			List<Long> latencies = new ArrayList<>(this.served);
			System.out.printf("  minute %2d: %6d requests, %d unexpected, p50 %6.1f ms, p99 %7.1f ms%n", this.index + 1,
					this.total.get(), this.unexpected.get(), percentile(latencies, 0.50), percentile(latencies, 0.99));
		}

	}

	/**
	 * The first few of something, for the report.
	 */
	static final class FirstFew<T> {

		private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();

		private final int limit;

		FirstFew(int limit) {
			this.limit = limit;
		}

		void offer(T item) {
			if (this.items.size() < this.limit) {
				this.items.add(item);
			}
		}

		List<T> items() {
			return List.copyOf(this.items);
		}

	}

	record Options(String gateway, Path tokens, int minutes, int rate, int warmup, int heapMarginMb,
			int heapMarginPercent, int maxInFlight, Map<String, Long> services) {

		static Options parse(String[] args) {
			Map<String, String> values = new LinkedHashMap<>(Map.of("minutes", "10", "rate", "200", "warmup", "60",
					"heap-margin-mb", "16", "heap-margin-percent", "20", "max-in-flight", "500"));
			Map<String, Long> services = new LinkedHashMap<>();
			Set<String> names = Set.of("gateway", "tokens", "minutes", "rate", "warmup", "heap-margin-mb",
					"heap-margin-percent", "max-in-flight", "service");
			for (int i = 0; i + 1 < args.length; i += 2) {
				String name = args[i].replaceFirst("^--", "");
				if (!names.contains(name)) {
					throw new IllegalArgumentException("unknown option " + args[i]);
				}
				if (name.equals("service")) {
					String[] service = args[i + 1].split("=", 2);
					services.put(service[0], Long.parseLong(service[1]));
				}
				else {
					values.put(name, args[i + 1]);
				}
			}
			if (args.length % 2 != 0 || !values.containsKey("gateway") || !values.containsKey("tokens")) {
				throw new IllegalArgumentException("usage: java bench/Soak.java --gateway URL --tokens FILE "
						+ "[--minutes N] [--rate R] [--warmup S] [--heap-margin-mb M] [--heap-margin-percent P] "
						+ "[--max-in-flight N] "
						+ "[--service NAME=PID]...; got " + Arrays.toString(args));
			}
			return new Options(values.get("gateway"), Path.of(values.get("tokens")),
					Integer.parseInt(values.get("minutes")), Integer.parseInt(values.get("rate")),
					Integer.parseInt(values.get("warmup")), Integer.parseInt(values.get("heap-margin-mb")),
					Integer.parseInt(values.get("heap-margin-percent")), Integer.parseInt(values.get("max-in-flight")),
					services);
		}

	}

}
