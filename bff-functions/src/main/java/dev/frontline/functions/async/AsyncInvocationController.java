package dev.frontline.functions.async;

import dev.frontline.functions.identity.Caller;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The asynchronous invocation API for callers, behind the passport check like every
 * function call:
 * <ul>
 * <li>{@code POST /async/{definition}}: accepts an invocation (202, see
 * {@link AsyncRequests});</li>
 * <li>{@code GET /async/invocations/{id}}: where it stands, and its result once it
 * succeeded ({@link InvocationView});</li>
 * <li>{@code DELETE /async/invocations/{id}}: cancels it while it is queued or between
 * attempts (200), 409 otherwise.</li>
 * </ul>
 * Only the caller subject that asked for an invocation can see or cancel it; for others
 * it does not exist (404). Anonymous callers share one subject, so an anonymous
 * invocation is as private as its id.
 */
@RestController
class AsyncInvocationController {

	private final AsyncRequests requests;

	private final InvocationQueue queue;

	AsyncInvocationController(AsyncRequests requests, InvocationQueue queue) {
		this.requests = requests;
		this.queue = queue;
	}

	@PostMapping("/async/{definition}")
	Mono<ResponseEntity<InvocationView>> invoke(@PathVariable String definition, ServerWebExchange exchange) {
		return Caller.current().flatMap((caller) -> this.requests.accept(definition, exchange.getRequest(), caller));
	}

	@GetMapping("/async/invocations/{id}")
	Mono<InvocationView> invocation(@PathVariable String id) {
		return Caller.current()
			.flatMap((caller) -> AsyncRequests.blocking(() -> this.requests.view(this.queue.find(id, caller))));
	}

	@DeleteMapping("/async/invocations/{id}")
	Mono<InvocationView> cancel(@PathVariable String id) {
		return Caller.current()
			.flatMap((caller) -> AsyncRequests.blocking(() -> this.requests.view(this.queue.cancel(id, caller))));
	}

}
