package dev.frontline.functions.async;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.frontline.functions.fanout.MissingParts;
import dev.frontline.functions.problem.FunctionProblem;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Runs one attempt of an invocation in this runtime, as Spring Cloud Function runs a call
 * over HTTP: the definition is looked up in the function catalog (compositions included),
 * the stored input goes in as a JSON message, and the answer comes out as the JSON a
 * synchronous call would have answered. The function sees the stored caller through
 * {@link dev.frontline.functions.identity.Caller#current()}, and the attempt through
 * {@link AsyncInvocation#current()} and the message headers
 * {@value AsyncInvocation#ATTEMPT_HEADER} and {@value AsyncInvocation#ID_HEADER}.
 */
class FunctionRunner {

	private final FunctionCatalog catalog;

	private final JsonMapper json;

	private final Duration timeout;

	FunctionRunner(FunctionCatalog catalog, JsonMapper json, Duration timeout) {
		this.catalog = catalog;
		this.json = json;
		this.timeout = timeout;
	}

	/**
	 * The time limit of one attempt.
	 */
	Duration timeout() {
		return this.timeout;
	}

	/**
	 * Runs an attempt.
	 * @param invocation the invocation, in the state of the attempt
	 * @return the result as JSON; fails as the function failed, or with a
	 * {@link java.util.concurrent.TimeoutException} past the time limit
	 */
	Mono<String> run(Invocation invocation) {
		AsyncInvocation attempt = invocation.attempt();
		// Subscribed on a worker, so that a function that answers a plain value, which
		// runs when it is applied, is bound by the time limit too.
		return Mono.defer(() -> answer(apply(invocation, attempt)))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.timeout)
			.contextWrite(invocation.caller().asContext())
			.contextWrite(attempt.asContext())
			.contextWrite(new MissingParts().asContext());
	}

	private @Nullable Object apply(Invocation invocation, AsyncInvocation attempt) {
		FunctionInvocationWrapper function = this.catalog.lookup(invocation.function());
		if (function == null) {
			// Another runtime of the cluster, of a newer or older version, may have it.
			throw new FunctionUnavailable(invocation.function());
		}
		Message<byte[]> message = MessageBuilder.withPayload(invocation.input().getBytes(StandardCharsets.UTF_8))
			.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
			.setHeader(AsyncInvocation.ATTEMPT_HEADER, attempt.attempt())
			.setHeader(AsyncInvocation.ID_HEADER, attempt.id().toString())
			.build();
		return function.apply(message);
	}

	// As the HTTP answer would carry it: a Flux as an array of its values, a Mono as its
	// value, nothing as null.
	private Mono<String> answer(@Nullable Object output) {
		if (output instanceof Flux<?> flux) {
			return flux.map(this::node).collectList().map(this.json::writeValueAsString);
		}
		if (output instanceof Publisher<?> publisher) {
			return Mono.from(publisher).map(this::node).map(this.json::writeValueAsString).defaultIfEmpty("null");
		}
		return Mono.just((output != null) ? this.json.writeValueAsString(node(output)) : "null");
	}

	// Spring Cloud Function hands a function's answer back as a message when the input
	// was one; its payload is the answer itself or the JSON bytes of it.
	private JsonNode node(Object value) {
		Object payload = (value instanceof Message<?> message) ? message.getPayload() : value;
		if (payload instanceof byte[] bytes) {
			return parse(new String(bytes, StandardCharsets.UTF_8));
		}
		if (payload instanceof String text) {
			return parse(text);
		}
		return this.json.valueToTree(payload);
	}

	private JsonNode parse(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (JacksonException ex) {
			return StringNode.valueOf(text);
		}
	}

	/**
	 * The definition names no function in this runtime (503): a retry, maybe on another
	 * runtime of the cluster, may find it.
	 */
	static class FunctionUnavailable extends FunctionProblem {

		FunctionUnavailable(String definition) {
			super(HttpStatus.SERVICE_UNAVAILABLE, "function-unavailable", "Function unavailable",
					"This runtime has no function '" + definition + "'");
		}

	}

}
