package dev.frontline.gateway.web;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a request with a problem, as {@code application/problem+json}.
 */
public final class ProblemWriter {

	private final JsonMapper json;

	/**
	 * Creates a writer of problems.
	 * @param json writes the problems
	 */
	public ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Answers the request with the given problem. Headers set on the response before are
	 * kept.
	 * @param exchange the request to answer
	 * @param problem the problem
	 * @return completes when the answer is written
	 */
	public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
		ServerHttpResponse response = exchange.getResponse();
		byte[] body = this.json.writeValueAsBytes(problem);
		response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
