package dev.frontline.gateway.accesslog;

import java.time.temporal.ChronoUnit;

import dev.frontline.contract.Variant;
import dev.frontline.gateway.auth.Caller;
import dev.frontline.gateway.metrics.AnsweredRequest;
import dev.frontline.gateway.metrics.AnsweredRequestListener;
import dev.frontline.gateway.ratelimit.ClientAddresses;
import dev.frontline.gateway.tracing.TraceIds;
import dev.frontline.gateway.web.RequestIds;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes one JSON line per answered request to the logger {@value #LOGGER}, at info
 * level, serialised by Jackson so that whatever a client put in the path comes out
 * escaped. The line names the caller by user or API-key client, never by the token or the
 * key it presented. The logging configuration prints the line alone, without the usual
 * prefix.
 */
final class AccessLog implements AnsweredRequestListener {

	/** The name of the logger of the access log. */
	static final String LOGGER = "dev.frontline.gateway.access";

	private static final Log logger = LogFactory.getLog(LOGGER);

	private final boolean enabled;

	private final JsonMapper json;

	private final ClientAddresses addresses;

	AccessLog(AccessLogProperties properties, JsonMapper json, ClientAddresses addresses) {
		this.enabled = properties.enabled();
		this.json = json;
		this.addresses = addresses;
	}

	@Override
	public void answered(ServerWebExchange exchange, AnsweredRequest request) {
		if (this.enabled && logger.isInfoEnabled()) {
			logger.info(this.json.writeValueAsString(entry(exchange, request)));
		}
	}

	AccessLogEntry entry(ServerWebExchange exchange, AnsweredRequest request) {
		ServerHttpRequest httpRequest = exchange.getRequest();
		Variant variant = request.variant();
		return new AccessLogEntry(request.receivedAt().truncatedTo(ChronoUnit.MILLIS).toString(), TraceIds.of(exchange),
				RequestIds.of(exchange), request.method().name(), httpRequest.getPath().value(), request.route(),
				(variant != null) ? variant.label() : null, request.status(), millis(request.latencyNanos()),
				request.forwarded() ? millis(request.upstreamNanos()) : null, principal(exchange),
				this.addresses.of(httpRequest));
	}

	private static @Nullable String principal(ServerWebExchange exchange) {
		Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
		return (caller != null && caller.method() != Caller.Method.ANONYMOUS) ? caller.subject() : null;
	}

	private static double millis(long nanos) {
		// Whole microseconds: enough for a log, and no long tail of digits.
		return Math.round(nanos / 1_000.0) / 1_000.0;
	}

	@Override
	public String toString() {
		return "AccessLog";
	}

}
