package dev.frontline.gateway.accesslog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * One line of the access log.
 *
 * @param time when the request was received, ISO-8601 in UTC with milliseconds
 * @param traceId the id of the request's trace; {@code null} with tracing off
 * @param requestId the request id ({@code X-Request-Id})
 * @param method the method of the request as the client sent it
 * @param path the path of the request as the client sent it (still percent-encoded),
 * without the query string
 * @param route the id of the route it matched; {@code null} if none did
 * @param variant the side that served it, {@code stable} or {@code canary}; {@code null}
 * if no route matched
 * @param status the status of the answer
 * @param latencyMs the time from receiving the request to sending the status and headers
 * of the answer, in milliseconds with microsecond precision
 * @param upstreamMs the part of it spent waiting on the target; {@code null} if the
 * request was not forwarded
 * @param principal the user named by the bearer token, or the client of the API key;
 * {@code null} for anonymous and refused callers. Never a credential.
 * @param clientIp the client's address, past trusted proxies
 */
@JsonPropertyOrder({ "time", "traceId", "requestId", "method", "path", "route", "variant", "status", "latencyMs",
		"upstreamMs", "principal", "clientIp" })
record AccessLogEntry(String time, @Nullable String traceId, @Nullable String requestId, String method, String path,
		@Nullable String route, @Nullable String variant, int status, double latencyMs, @Nullable Double upstreamMs,
		@Nullable String principal, String clientIp) {

}
