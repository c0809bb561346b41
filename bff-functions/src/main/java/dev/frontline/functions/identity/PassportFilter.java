package dev.frontline.functions.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets a request reach the functions only with a valid passport in
 * {@code X-Frontline-Passport}, and makes the caller it names the request's
 * {@link Caller}. The catalogue ({@code GET /functions}) is open, requests that a
 * {@link PassportExemption} names authenticate otherwise, and the management server is
 * left alone.
 * <p>
 * It runs before the function request filter, so that a request without a passport costs
 * no body reading and learns nothing about a function's input.
 */
class PassportFilter implements WebFilter, Ordered, ApplicationContextAware {

	/**
	 * The header the gateway sends the passport in.
	 */
	static final String PASSPORT_HEADER = "X-Frontline-Passport";

	private final PassportVerifier verifier;

	private final List<PassportExemption> exemptions;

	private @Nullable ApplicationContext applicationContext;

	PassportFilter(PassportVerifier verifier, List<PassportExemption> exemptions) {
		this.verifier = verifier;
		this.exemptions = List.copyOf(exemptions);
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// The management server's context is a child of this one, so it has this filter
		// too; its endpoints are for the platform's probes, not for callers.
		if (exchange.getApplicationContext() != this.applicationContext || isCatalogue(exchange.getRequest())
				|| isExempt(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return Mono.defer(() -> {
			Caller caller = this.verifier.verify(passport(exchange.getRequest()),
					exchange.getRequest().getHeaders().getFirst("X-Request-Id"));
			return chain.filter(exchange).contextWrite(caller.asContext());
		});
	}

	private static boolean isCatalogue(ServerHttpRequest request) {
		return "/functions".equals(request.getPath().pathWithinApplication().value())
				&& (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()));
	}

	private boolean isExempt(ServerHttpRequest request) {
		for (PassportExemption exemption : this.exemptions) {
			if (exemption.exempts(request)) {
				return true;
			}
		}
		return false;
	}

	private static String passport(ServerHttpRequest request) {
		List<String> values = request.getHeaders().getValuesAsList(PASSPORT_HEADER);
		if (values.isEmpty() || (values.size() == 1 && values.get(0).isBlank())) {
			throw new PassportRequired();
		}
		// The gateway sends one; a second could only have been added on the way.
		if (values.size() > 1) {
			throw new PassportInvalid("The request carries " + values.size() + " passports; it must carry one");
		}
		return values.get(0);
	}

}
