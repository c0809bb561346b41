package dev.frontline.functions.async;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.frontline.contract.AsyncPolicy;
import dev.frontline.contract.AsyncPolicy.Destination;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigViolations;
import dev.frontline.contract.FieldError;
import dev.frontline.functions.identity.Caller;
import dev.frontline.functions.identity.Caller.AuthMethod;
import dev.frontline.functions.problem.FunctionProblem;
import dev.frontline.functions.web.FunctionDefinitions;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Turns a request into an accepted invocation, for callers ({@code POST
 * /async/{definition}}) and timer triggers ({@code POST /async/triggers/{definition}})
 * alike: the definition must name published functions (404 otherwise), the body must fit
 * their input (400), and the headers must hold:
 * <ul>
 * <li>{@value #POLICY_HEADER}: the route's {@link AsyncPolicy} as JSON; without it, the
 * defaults (3 retries, 6 hours, results kept 1 hour, no destinations);</li>
 * <li>{@value #IDEMPOTENCY_KEY_HEADER}: at most {@value #MAX_KEY_LENGTH} characters; a
 * repeat of the request with the same key (by the same caller subject, for the same
 * function) and the same body answers the invocation it created, the same key with
 * another body 409;</li>
 * <li>{@value #ROUTE_HEADER}: the gateway route, stored for display.</li>
 * </ul>
 * Answers 202 with the invocation and {@code Location: /async/invocations/{id}}.
 */
class AsyncRequests {

	static final String POLICY_HEADER = "X-Frontline-Async-Policy";

	static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	static final String ROUTE_HEADER = "X-Frontline-Route";

	static final String TRIGGER_HEADER = "X-Frontline-Trigger";

	static final String REQUEST_ID_HEADER = "X-Request-Id";

	static final int MAX_KEY_LENGTH = 255;

	private static final int MAX_NAME_LENGTH = 200;

	/**
	 * The gateway id of the caller of a timer trigger: the control plane fired it.
	 */
	private static final String CONTROL_PLANE = "control-plane";

	private final FunctionDefinitions definitions;

	private final InvocationQueue queue;

	private final Validator validator;

	private final JsonMapper json;

	private final Clock clock;

	AsyncRequests(FunctionDefinitions definitions, InvocationQueue queue, Validator validator, JsonMapper json,
			Clock clock) {
		this.definitions = definitions;
		this.queue = queue;
		this.validator = validator;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Accepts a request as an invocation.
	 * @param definition the function definition of the path
	 * @param request the request
	 * @param caller who the invocation runs as
	 * @return 202 with the invocation
	 */
	Mono<ResponseEntity<InvocationView>> accept(String definition, ServerHttpRequest request, Caller caller) {
		return Mono.defer(() -> {
			String function = this.definitions.resolve(definition);
			HttpHeaders headers = request.getHeaders();
			AsyncPolicy policy = policy(headers.getFirst(POLICY_HEADER));
			String idempotencyKey = idempotencyKey(headers.getFirst(IDEMPOTENCY_KEY_HEADER));
			String route = name(headers.getFirst(ROUTE_HEADER), ROUTE_HEADER);
			return this.definitions.readInput(function, request)
				.flatMap((input) -> blocking(() -> this.queue.enqueue(function,
						new String(input, StandardCharsets.UTF_8), caller, idempotencyKey, policy, route)))
				.map((invocation) -> ResponseEntity.accepted()
					.location(URI.create("/async/invocations/" + invocation.id()))
					.body(view(invocation)));
		});
	}

	/**
	 * The caller of a timer trigger the request fires.
	 * @throws InvalidAsyncRequest if the request does not name the trigger
	 */
	Caller timer(ServerHttpRequest request) {
		String trigger = name(request.getHeaders().getFirst(TRIGGER_HEADER), TRIGGER_HEADER);
		if (trigger == null) {
			throw InvalidAsyncRequest.of(new FieldError(TRIGGER_HEADER, "must name the timer trigger that fired"));
		}
		String requestId = request.getHeaders().getFirst(REQUEST_ID_HEADER);
		return new Caller("timer:" + trigger, Set.of(), null, AuthMethod.TIMER,
				(requestId != null && !requestId.isBlank()) ? requestId : UUID.randomUUID().toString(), CONTROL_PLANE);
	}

	InvocationView view(Invocation invocation) {
		return InvocationView.of(invocation, this.clock.instant(), this.json);
	}

	InvocationRecord record(Invocation invocation) {
		return InvocationRecord.of(invocation, this.clock.instant(), this.json);
	}

	/**
	 * Runs work that waits for the database on a worker, never on a request thread; a
	 * store that cannot be reached fails it with {@link InvocationStoreUnavailable}.
	 */
	static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.fromCallable(work)
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(InvocationStoreUnavailable::isCause, InvocationStoreUnavailable::new);
	}

	private AsyncPolicy policy(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return AsyncPolicy.defaults();
		}
		AsyncPolicy policy;
		try {
			policy = ConfigJson.mapper().readValue(header, AsyncPolicy.class);
		}
		catch (JacksonException ex) {
			throw new InvalidAsyncRequest(POLICY_HEADER + " is not an async policy: " + ex.getOriginalMessage(),
					List.of(new FieldError("policy", "must be an async policy as JSON")));
		}
		if (policy == null) {
			throw InvalidAsyncRequest.of(new FieldError("policy", "must be an async policy as JSON"));
		}
		List<FieldError> errors = new ArrayList<>();
		ConfigViolations.of(this.validator, policy)
			.forEach((error) -> errors.add(new FieldError("policy." + error.field(), error.message())));
		checkFunction(policy.onSuccess(), "policy.onSuccess.function", errors);
		checkFunction(policy.onFailure(), "policy.onFailure.function", errors);
		if (!errors.isEmpty()) {
			throw new InvalidAsyncRequest(POLICY_HEADER + " is not a valid async policy", errors);
		}
		return policy;
	}

	private void checkFunction(@Nullable Destination destination, String field, List<FieldError> errors) {
		if (destination == null || destination.function() == null
				|| errors.stream().anyMatch((error) -> error.field().equals(field))) {
			return;
		}
		try {
			this.definitions.resolve(destination.function());
		}
		catch (FunctionProblem ex) {
			errors.add(new FieldError(field, "names no function of this runtime: " + ex.getBody().getDetail()));
		}
	}

	private static @Nullable String idempotencyKey(@Nullable String header) {
		if (header == null) {
			return null;
		}
		if (header.isBlank()) {
			throw InvalidAsyncRequest.of(new FieldError(IDEMPOTENCY_KEY_HEADER, "must not be blank"));
		}
		if (header.length() > MAX_KEY_LENGTH) {
			throw InvalidAsyncRequest
				.of(new FieldError(IDEMPOTENCY_KEY_HEADER, "must be at most " + MAX_KEY_LENGTH + " characters"));
		}
		return header;
	}

	private static @Nullable String name(@Nullable String header, String name) {
		if (header == null || header.isBlank()) {
			return null;
		}
		if (header.length() > MAX_NAME_LENGTH) {
			throw InvalidAsyncRequest.of(new FieldError(name, "must be at most " + MAX_NAME_LENGTH + " characters"));
		}
		return header.trim();
	}

}
