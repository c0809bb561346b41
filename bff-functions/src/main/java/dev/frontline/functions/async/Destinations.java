package dev.frontline.functions.async;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.frontline.contract.AsyncPolicy;
import dev.frontline.contract.AsyncPolicy.Destination;
import dev.frontline.functions.web.FunctionDefinitions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Where the outcome of an invocation goes, as its policy says: {@code onSuccess} gets the
 * result of a success, {@code onFailure} the error of an invocation that failed or went
 * to the dead letters.
 * <ul>
 * <li>A callback URL gets a {@code POST} of {@code {"id","function","status","result"}}
 * (or {@code "error"} in place of {@code "result"}), once, within
 * {@code frontline.async.callback-timeout}: a callback that fails is logged and counted,
 * not retried, since the outcome is kept for whoever asks for it.</li>
 * <li>A function is invoked asynchronously too, under the same caller, with the result
 * (or {@code {"id","function","status","error"}}) as its input and the default policy; it
 * is queued in the same transaction that records the outcome, so that it is queued
 * exactly when the outcome is recorded. An outcome that does not fit the function's input
 * is logged and counted instead.</li>
 * </ul>
 */
class Destinations {

	private static final Log logger = LogFactory.getLog(Destinations.class);

	private final FunctionDefinitions definitions;

	private final WebClient http;

	private final Duration callbackTimeout;

	private final JsonMapper json;

	private final AsyncMetrics metrics;

	Destinations(FunctionDefinitions definitions, WebClient http, Duration callbackTimeout, JsonMapper json,
			AsyncMetrics metrics) {
		this.definitions = definitions;
		this.http = http;
		this.callbackTimeout = callbackTimeout;
		this.json = json;
		this.metrics = metrics;
	}

	/**
	 * The invocation of the function that the outcome of an invocation goes to, if it
	 * goes to one.
	 * @param finished the invocation, in its final state
	 * @param now the time
	 * @return the invocation to queue; empty if the outcome goes to no function or does
	 * not fit its input
	 */
	Optional<Invocation> functionInvocation(Invocation finished, Instant now) {
		Destination destination = destination(finished);
		if (destination == null || destination.function() == null) {
			return Optional.empty();
		}
		boolean succeeded = finished.state().status() == InvocationStatus.SUCCEEDED;
		String input = succeeded ? String.valueOf(finished.state().result())
				: this.json.writeValueAsString(outcome(finished));
		try {
			String function = this.definitions.resolve(destination.function());
			byte[] checked = this.definitions.checkInput(function, input.getBytes(StandardCharsets.UTF_8));
			String key = finished.id() + (succeeded ? ":on-success" : ":on-failure");
			return Optional.of(Invocation.queued(function, finished.route(),
					new String(checked, StandardCharsets.UTF_8), finished.caller(), key, AsyncPolicy.defaults(), now));
		}
		catch (RuntimeException ex) {
			logger.warn("The outcome of invocation " + finished.id() + " cannot go to function '"
					+ destination.function() + "': " + ex.getMessage());
			this.metrics.destination("function", false);
			return Optional.empty();
		}
	}

	/**
	 * Posts the outcome of an invocation to its callback URL, if it has one; blocks until
	 * the callback answered or timed out, which is why only the executor calls it, on a
	 * db-scheduler worker thread, never on a request thread.
	 * @param finished the invocation, in its final state
	 */
	void callBack(Invocation finished) {
		Destination destination = destination(finished);
		if (destination == null || destination.callbackUrl() == null) {
			return;
		}
		try {
			this.http.post()
				.uri(URI.create(destination.callbackUrl()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(this.json.writeValueAsBytes(outcome(finished)))
				.retrieve()
				.toBodilessEntity()
				.timeout(this.callbackTimeout)
				.block(this.callbackTimeout.plusSeconds(1));
			this.metrics.destination("callback", true);
		}
		catch (RuntimeException ex) {
			logger.warn("The callback of invocation " + finished.id() + " to " + destination.callbackUrl() + " failed: "
					+ ex.getMessage());
			this.metrics.destination("callback", false);
		}
	}

	/**
	 * Counts an invocation of a destination function that was queued.
	 */
	void queued() {
		this.metrics.destination("function", true);
	}

	private static @Nullable Destination destination(Invocation finished) {
		return (finished.state().status() == InvocationStatus.SUCCEEDED) ? finished.policy().onSuccess()
				: finished.policy().onFailure();
	}

	private Map<String, @Nullable Object> outcome(Invocation finished) {
		Map<String, @Nullable Object> outcome = new LinkedHashMap<>();
		outcome.put("id", finished.id().toString());
		outcome.put("function", finished.function());
		outcome.put("status", finished.state().status().label());
		if (finished.state().status() == InvocationStatus.SUCCEEDED) {
			String result = finished.state().result();
			outcome.put("result", (result != null) ? this.json.readTree(result) : (JsonNode) null);
		}
		else {
			outcome.put("error", finished.state().lastError());
		}
		return outcome;
	}

}
