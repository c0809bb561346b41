package dev.frontline.gateway.metrics;

import java.time.Instant;

import dev.frontline.contract.Variant;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * A request the gateway answered, as measured at the moment the status and headers of the
 * answer go out.
 *
 * @param receivedAt when the gateway received the request
 * @param method the method of the request, as the client sent it
 * @param route the id of the route it matched; {@code null} if none did
 * @param variant the side of the route that served it; {@code null} if no route matched
 * @param status the status of the answer
 * @param outcome how the request turned out
 * @param latencyNanos the time from receiving the request to sending the status and
 * headers of the answer (the body, if any, follows)
 * @param upstreamNanos the part of the latency spent waiting on the target, over every
 * attempt; 0 if the request was not forwarded
 * @param upstreamOutcome how the last attempt to forward the request ended; {@code null}
 * if it was not forwarded
 */
public record AnsweredRequest(Instant receivedAt, HttpMethod method, @Nullable String route, @Nullable Variant variant,
		int status, Outcome outcome, long latencyNanos, long upstreamNanos, @Nullable Outcome upstreamOutcome) {

	/**
	 * The part of the latency that was the gateway's own: everything but the wait on the
	 * target.
	 * @return the latency less the upstream time, never negative
	 */
	public long internalNanos() {
		return Math.max(0, this.latencyNanos - this.upstreamNanos);
	}

	/**
	 * Whether the request was forwarded to a target.
	 * @return {@code true} if at least one attempt went out
	 */
	public boolean forwarded() {
		return this.upstreamOutcome != null;
	}

}
