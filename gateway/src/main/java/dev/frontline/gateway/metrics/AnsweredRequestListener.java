package dev.frontline.gateway.metrics;

import org.springframework.web.server.ServerWebExchange;

/**
 * Hears of each request the gateway answers on its public port, once, as the status and
 * headers of the answer go out. Requests whose client went away before the answer are not
 * heard of. Called on the thread that commits the response, often an event loop: a
 * listener must not block.
 */
@FunctionalInterface
public interface AnsweredRequestListener {

	/**
	 * Called for each answered request.
	 * @param exchange the request and its response, whose status is final
	 * @param request what was measured
	 */
	void answered(ServerWebExchange exchange, AnsweredRequest request);

}
