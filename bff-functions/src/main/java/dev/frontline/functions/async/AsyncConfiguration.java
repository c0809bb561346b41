package dev.frontline.functions.async;

import java.time.Clock;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import dev.frontline.functions.web.FunctionDefinitions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Accepts, stores and runs asynchronous invocations, with the runtime's database
 * ({@code spring.datasource.*}, migrated by Flyway from {@code db/migration/<vendor>}) as
 * the store that every runtime of a cluster shares.
 */
@Configuration(proxyBeanMethods = false)
class AsyncConfiguration {

	// Whole milliseconds, which every store keeps exactly, so that an answer shows the
	// same
	// times before and after they are stored.
	private final Clock clock = Clock.tickMillis(ZoneOffset.UTC);

	@Bean
	Invocations invocations(JdbcClient jdbc, JsonMapper json) {
		return new Invocations(jdbc, json);
	}

	@Bean
	AsyncMetrics asyncMetrics(MeterRegistry meters) {
		return new AsyncMetrics(meters, this.clock);
	}

	@Bean
	MeterFilter asyncAttemptsTagLimit() {
		return AsyncMetrics.attemptsTagLimit();
	}

	@Bean
	MeterFilter asyncInvocationsTagLimit() {
		return AsyncMetrics.invocationsTagLimit();
	}

	@Bean
	QueueGauges asyncQueueGauges(Invocations invocations, AsyncMetrics metrics, AsyncProperties properties) {
		return new QueueGauges(invocations, metrics, properties.statisticsInterval());
	}

	@Bean
	InvocationExecutor invocationExecutor(Invocations invocations, TransactionTemplate transactions,
			FunctionCatalog functions, FunctionDefinitions definitions, JsonMapper json, WebClient.Builder webClients,
			AsyncMetrics metrics, AsyncProperties properties) {
		return new InvocationExecutor(invocations, transactions,
				new FunctionRunner(functions, json, properties.attemptTimeout()),
				new RetryBackoff(properties.backoffBase(), properties.backoffCap()),
				new Destinations(definitions, webClients.build(), properties.callbackTimeout(), json, metrics), metrics,
				this.clock);
	}

	@Bean
	AsyncScheduler asyncScheduler(DataSource dataSource, AsyncProperties properties, InvocationExecutor executor,
			Invocations invocations) {
		return new AsyncScheduler(dataSource, properties, executor, invocations, this.clock);
	}

	@Bean
	InvocationQueue invocationQueue(Invocations invocations, TransactionTemplate transactions, AsyncScheduler scheduler,
			AsyncMetrics metrics) {
		return new InvocationQueue(invocations, transactions, scheduler, metrics, this.clock);
	}

	@Bean
	AsyncRequests asyncRequests(FunctionDefinitions definitions, InvocationQueue queue, Validator validator,
			JsonMapper json) {
		return new AsyncRequests(definitions, queue, validator, json, this.clock);
	}

	@Bean
	ControlPlaneTokenFilter controlPlaneTokenFilter(ControlPlaneProperties properties, Environment environment) {
		// The default token is in the documentation, so anyone could redrive, read dead
		// letters (inputs included) and fire triggers with it.
		if (environment.matchesProfiles("prod") && properties.usesDefaultToken()) {
			throw new IllegalStateException(
					"Refusing to start: frontline.functions.control-plane-token is the local default '"
							+ ControlPlaneProperties.DEFAULT_TOKEN + "' under the 'prod' profile");
		}
		return new ControlPlaneTokenFilter(properties.controlPlaneToken());
	}

}
