package dev.frontline.gateway.firewall;

import dev.frontline.gateway.web.Problem;
import dev.frontline.gateway.web.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers the requests the {@link RequestFirewall} refuses with a problem, before any
 * route is matched: no route's policy, and no target, ever sees them.
 */
final class FirewallWebFilter implements WebFilter, Ordered {

	/**
	 * After the request id, the metrics and the trace id are set, so that refusals are
	 * measured and can be named; before CORS preflights and route matching.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

	private final RequestFirewall firewall;

	private final ProblemWriter problems;

	FirewallWebFilter(RequestFirewall firewall, ProblemWriter problems) {
		this.firewall = firewall;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Rejection rejection = this.firewall.check(exchange.getRequest());
		if (rejection == null) {
			return chain.filter(exchange);
		}
		if (rejection.status() == HttpStatus.METHOD_NOT_ALLOWED) {
			exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, RequestFirewall.ALLOW);
		}
		return this.problems.write(exchange,
				Problem.of(exchange, rejection.name(), rejection.title(), rejection.status(), rejection.detail()));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
