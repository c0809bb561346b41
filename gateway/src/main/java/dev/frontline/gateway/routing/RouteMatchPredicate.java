package dev.frontline.gateway.routing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.frontline.contract.HeaderCondition;
import dev.frontline.contract.RouteMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPattern.PathMatchInfo;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Matches the requests of one {@link RouteMatch}: path pattern, methods, hosts and header
 * conditions. On a match it exposes the path variables as the exchange's URI template
 * variables, for the filters of the route.
 */
final class RouteMatchPredicate implements Predicate<ServerWebExchange> {

	private final RouteMatch match;

	private final PathPattern path;

	private final Set<String> methods;

	private final List<HostPattern> hosts;

	private final List<HeaderPattern> headers;

	/**
	 * Compiles the given match.
	 * @throws IllegalArgumentException if the path pattern or a regular expression does
	 * not compile
	 */
	RouteMatchPredicate(RouteMatch match) {
		this.match = match;
		this.path = PathPatternParser.defaultInstance.parse(match.path());
		this.methods = Set.copyOf(match.methods());
		this.hosts = match.hosts().stream().map(HostPattern::of).toList();
		this.headers = match.headers().stream().map(HeaderPattern::of).toList();
	}

	@Override
	public boolean test(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.methods.isEmpty() && !this.methods.contains(request.getMethod().name())) {
			return false;
		}
		if (!this.hosts.isEmpty() && !matchesHost(request)) {
			return false;
		}
		for (HeaderPattern header : this.headers) {
			if (!header.matches(request)) {
				return false;
			}
		}
		// The path goes last so that only the route that matches records its variables.
		PathMatchInfo info = this.path.matchAndExtract(request.getPath().pathWithinApplication());
		if (info == null) {
			return false;
		}
		ServerWebExchangeUtils.putUriTemplateVariables(exchange, info.getUriVariables());
		return true;
	}

	private boolean matchesHost(ServerHttpRequest request) {
		InetSocketAddress host = request.getHeaders().getHost();
		String name = (host != null) ? host.getHostString() : request.getURI().getHost();
		if (name == null) {
			return false;
		}
		int port = (host != null) ? host.getPort() : request.getURI().getPort();
		String lowerName = name.toLowerCase(Locale.ROOT);
		return this.hosts.stream().anyMatch((pattern) -> pattern.matches(lowerName, port));
	}

	@Override
	public String toString() {
		return this.match.toString();
	}

	/**
	 * A host such as {@code api.example.com}, or {@code *.example.com} for any
	 * sub-domain, optionally with a port that the request must name too.
	 */
	private record HostPattern(String name, boolean anySubdomain, int port) {

		static HostPattern of(String pattern) {
			String lower = pattern.toLowerCase(Locale.ROOT);
			int colon = lower.lastIndexOf(':');
			int port = -1;
			if (colon >= 0) {
				port = Integer.parseInt(lower.substring(colon + 1));
				lower = lower.substring(0, colon);
			}
			boolean wildcard = lower.startsWith("*.");
			return new HostPattern(wildcard ? lower.substring(1) : lower, wildcard, port);
		}

		boolean matches(String host, int requestPort) {
			if (this.port >= 0 && this.port != requestPort) {
				return false;
			}
			if (this.anySubdomain) {
				return host.endsWith(this.name) && host.length() > this.name.length();
			}
			return host.equals(this.name);
		}

	}

	/**
	 * A header that must be present, with any value that matches the whole expression.
	 */
	private record HeaderPattern(String name, @Nullable Pattern regex) {

		static HeaderPattern of(HeaderCondition condition) {
			Pattern regex = (condition.regex() != null) ? Pattern.compile(condition.regex()) : null;
			return new HeaderPattern(condition.name(), regex);
		}

		boolean matches(ServerHttpRequest request) {
			List<String> values = request.getHeaders().get(this.name);
			if (values == null || values.isEmpty()) {
				return false;
			}
			return this.regex == null || values.stream().anyMatch((value) -> this.regex.matcher(value).matches());
		}

	}

}
