package dev.frontline.functions.async;

import java.util.List;
import java.util.Map;

import dev.frontline.contract.FieldError;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The operator endpoints, which the admin console calls with the control-plane token
 * ({@link ControlPlaneTokenFilter}):
 * <ul>
 * <li>{@code GET /async/dead-letters?limit=50}: the failed and dead-lettered invocations,
 * most recent first ({@link DeadLetterView}; {@code limit} from 1 to
 * {@value #MAX_LIMIT});</li>
 * <li>{@code GET /async/dead-letters/{id}}: everything stored about an invocation, input
 * and last error included ({@link InvocationRecord}), whatever its status;</li>
 * <li>{@code POST /async/dead-letters/{id}/redrive}: queues a failed or dead-lettered
 * invocation again with its attempts and age reset ({@link InvocationView}); 409 for any
 * other;</li>
 * <li>{@code POST /async/dead-letters/redrive}: queues every dead letter again;
 * {@code {"redriven": n}};</li>
 * <li>{@code POST /async/triggers/{definition}}: a timer trigger fired; the body is the
 * input and the caller {@code timer:<trigger id>}, the trigger named in
 * {@value AsyncRequests#TRIGGER_HEADER}. Deduplicated by {@code Idempotency-Key} per
 * trigger and function, so that a firing posted to several runtimes runs once; 202 as for
 * callers.</li>
 * </ul>
 */
@RestController
class OperatorController {

	static final int MAX_LIMIT = 500;

	private final AsyncRequests requests;

	private final InvocationQueue queue;

	OperatorController(AsyncRequests requests, InvocationQueue queue) {
		this.requests = requests;
		this.queue = queue;
	}

	@GetMapping("/async/dead-letters")
	Mono<List<DeadLetterView>> deadLetters(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			return Mono.error(InvalidAsyncRequest.of(new FieldError("limit", "must be from 1 to " + MAX_LIMIT)));
		}
		return AsyncRequests.blocking(() -> this.queue.deadLetters(limit).stream().map(DeadLetterView::of).toList());
	}

	@GetMapping("/async/dead-letters/{id}")
	Mono<InvocationRecord> deadLetter(@PathVariable String id) {
		return AsyncRequests.blocking(() -> this.requests.record(this.queue.find(id)));
	}

	@PostMapping("/async/dead-letters/{id}/redrive")
	Mono<InvocationView> redrive(@PathVariable String id) {
		return AsyncRequests.blocking(() -> this.requests.view(this.queue.redrive(id)));
	}

	@PostMapping("/async/dead-letters/redrive")
	Mono<Map<String, Integer>> redriveAll() {
		return AsyncRequests.blocking(() -> Map.of("redriven", this.queue.redriveAll()));
	}

	@PostMapping("/async/triggers/{definition}")
	Mono<ResponseEntity<InvocationView>> fire(@PathVariable String definition, ServerWebExchange exchange) {
		return Mono.defer(() -> this.requests.accept(definition, exchange.getRequest(),
				this.requests.timer(exchange.getRequest())));
	}

}
