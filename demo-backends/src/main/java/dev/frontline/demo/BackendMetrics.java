package dev.frontline.demo;

import java.time.Duration;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The metrics of one backend, which it serves at {@code GET /actuator/prometheus} on its
 * own port: the timer {@value #REQUESTS} of its storefront answers, tagged
 * {@code backend} (its name) and {@code status} ({@code 2xx}, {@code 4xx} or
 * {@code 5xx}), with the latency buckets of the function runtime's {@code frontline.*}
 * timers ({@link #BUCKETS_MS}), and the JVM's memory, garbage collection, threads,
 * classes, processor and uptime.
 * <p>
 * Each backend has a registry of its own, so that scraping the three ports counts every
 * request once; the JVM series are the same process seen from each port.
 */
final class BackendMetrics implements AutoCloseable {

	/**
	 * The name of the request timer.
	 */
	static final String REQUESTS = "frontline.demo.requests";

	/**
	 * The upper bounds of the latency buckets, in milliseconds.
	 */
	static final long[] BUCKETS_MS = { 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000 };

	/**
	 * The content type of the text that Prometheus scrapes.
	 */
	static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

	private static final Duration[] BUCKETS = LongStream.of(BUCKETS_MS)
		.mapToObj(Duration::ofMillis)
		.toArray(Duration[]::new);

	private final String backend;

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final JvmGcMetrics garbageCollection = new JvmGcMetrics();

	BackendMetrics(String backend) {
		this.backend = backend;
		new JvmMemoryMetrics().bindTo(this.registry);
		this.garbageCollection.bindTo(this.registry);
		new JvmThreadMetrics().bindTo(this.registry);
		new ClassLoaderMetrics().bindTo(this.registry);
		new ProcessorMetrics().bindTo(this.registry);
		new UptimeMetrics().bindTo(this.registry);
	}

	/**
	 * Counts one storefront answer.
	 * @param status the HTTP status it was answered with
	 * @param took how long answering took, the configured and injected latency included
	 */
	void recordRequest(int status, Duration took) {
		Timer.builder(REQUESTS)
			.description("Storefront requests answered by a demo backend")
			.tag("backend", this.backend)
			.tag("status", statusClass(status))
			.serviceLevelObjectives(BUCKETS)
			.register(this.registry)
			.record(took);
	}

	/**
	 * The metrics in the Prometheus text format.
	 * @return the text to answer a scrape with
	 */
	String scrape() {
		return this.registry.scrape();
	}

	// Five classes at most, whatever a fault setting answers with.
	static String statusClass(int status) {
		return (status / 100) + "xx";
	}

	@Override
	public void close() {
		this.garbageCollection.close();
		this.registry.close();
	}

}
