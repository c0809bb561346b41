package dev.frontline.functions.warmup;

import reactor.core.publisher.Mono;

/**
 * One-time warm-up work, declared as a bean: it runs once, after the runtime has started,
 * and the runtime's readiness probe ({@code /actuator/health/readiness}) answers DOWN
 * until every initializer has completed. An initializer that fails, or does not complete
 * within {@code frontline.initializers.timeout}, keeps the runtime unready, and its
 * failure is logged.
 *
 * <pre class="code">
 * &#64;Bean
 * FunctionInitializer catalogWarmup(CatalogClient catalog) {
 *     // Opens the connection pool and loads the JSON codecs before the first request.
 *     return () -&gt; catalog.product("p1").then();
 * }
 * </pre>
 *
 * The work must not block; it runs concurrently with the other initializers. Readiness
 * shows each initializer by bean name.
 */
@FunctionalInterface
public interface FunctionInitializer {

	/**
	 * Does the warm-up work.
	 * @return completes when the work is done; an error keeps the runtime unready
	 */
	Mono<Void> initialize();

}
