package dev.frontline.functions.async;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.frontline.functions.FunctionDescription;
import dev.frontline.functions.identity.Caller;
import dev.frontline.functions.problem.FunctionProblem;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;

/**
 * Functions for asynchronous invocations, which remember how they were called. Their
 * records are static, so that the functions of several runtimes in one JVM share them;
 * each test uses keys of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
class AsyncTestFunctions {

	/**
	 * The attempts each key's calls ran in, as {@link AsyncInvocation#current()} told.
	 */
	static final Map<String, List<Integer>> ATTEMPTS = new ConcurrentHashMap<>();

	/**
	 * When each key's calls came.
	 */
	static final Map<String, List<Instant>> CALLED_AT = new ConcurrentHashMap<>();

	/**
	 * The attempt header of each key's calls, as a function that takes a message sees it.
	 */
	static final Map<String, List<Object>> ATTEMPT_HEADERS = new ConcurrentHashMap<>();

	/**
	 * What {@code collect} was given, with the caller it ran as.
	 */
	static final List<Collected> COLLECTED = new CopyOnWriteArrayList<>();

	static List<Integer> attempts(String key) {
		return ATTEMPTS.getOrDefault(key, List.of());
	}

	static int calls(String key) {
		return attempts(key).size();
	}

	private static Mono<Integer> record(String key) {
		return AsyncInvocation.current().map(AsyncInvocation::attempt).defaultIfEmpty(0).doOnNext((attempt) -> {
			ATTEMPTS.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>()).add(attempt);
			CALLED_AT.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>()).add(Instant.now());
		});
	}

	@Bean
	@FunctionDescription("Echoes a note with the caller and the attempt it ran as.")
	Function<Note, Mono<Echoed>> echo() {
		return (note) -> record(note.text()).flatMap((attempt) -> Caller.current()
			.map((caller) -> new Echoed(note.text(), caller.subject(), List.copyOf(caller.scopes()), caller.clientId(),
					caller.authMethod().claim(), attempt)));
	}

	@Bean
	@FunctionDescription("Marks an echo as stamped.")
	Function<Echoed, Echoed> stamp() {
		return (echoed) -> new Echoed("stamped " + echoed.text(), echoed.caller(), echoed.scopes(), echoed.clientId(),
				echoed.authMethod(), echoed.attempt());
	}

	@Bean
	@FunctionDescription("Fails its key's first calls with a problem of the status asked for, then answers.")
	Function<Flaky, Mono<Flaky>> flaky() {
		return (flaky) -> record(flaky.key()).flatMap((attempt) -> {
			if (calls(flaky.key()) <= flaky.failures()) {
				return Mono.error(new Refusal(flaky.status(), flaky.retryAfter()));
			}
			return Mono.just(flaky);
		});
	}

	@Bean
	@FunctionDescription("Takes its time on the first attempt only.")
	Function<Slow, Mono<Slow>> slow() {
		return (slow) -> record(slow.key()).flatMap((attempt) -> (attempt == 1)
				? Mono.delay(Duration.ofMillis(slow.millis())).thenReturn(slow) : Mono.just(slow));
	}

	@Bean
	@FunctionDescription("Reports the attempt header of the message it is called with.")
	Function<Message<Note>, Note> attemptHeader() {
		return (message) -> {
			ATTEMPT_HEADERS.computeIfAbsent(message.getPayload().text(), (k) -> new CopyOnWriteArrayList<>())
				.add(String.valueOf(message.getHeaders().get(AsyncInvocation.ATTEMPT_HEADER)));
			return message.getPayload();
		};
	}

	@Bean
	@FunctionDescription("Keeps whatever it is given.")
	Function<JsonNode, Mono<JsonNode>> collect() {
		return (input) -> Caller.current()
			.doOnNext((caller) -> COLLECTED.add(new Collected(input, caller.subject())))
			.thenReturn(input);
	}

	record Note(@NotBlank String text) {

	}

	record Echoed(String text, String caller, List<String> scopes, @Nullable String clientId, String authMethod,
			int attempt) {

	}

	/**
	 * @param key names the calls to count
	 * @param failures how many of the key's calls fail
	 * @param status the status they fail with
	 * @param retryAfter the seconds of {@code Retry-After} the failure asks for, if any
	 */
	record Flaky(@NotBlank String key, int failures, int status, @Nullable Integer retryAfter) {

	}

	record Slow(@NotBlank String key, long millis) {

	}

	record Collected(JsonNode input, String caller) {

	}

	/**
	 * A failure of a test function.
	 */
	static class Refusal extends FunctionProblem {

		Refusal(int status, @Nullable Integer retryAfter) {
			super(HttpStatus.valueOf(status), "refusal", "Refusal", "The test function refused with " + status);
			if (retryAfter != null) {
				getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter.toString());
			}
		}

	}

}
