package dev.frontline.gateway.web;

import io.netty.channel.ConnectTimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Looks for an exception among the causes of another.
 */
public final class Causes {

	private Causes() {
	}

	/**
	 * Whether the exception, or any of its causes, is of the given type.
	 * @param ex the exception
	 * @param type the type to look for
	 * @return {@code true} if {@code ex} or one of its causes is a {@code type}
	 */
	public static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

	/**
	 * Whether the exception says that a target did not connect or answer in time.
	 * @param ex the exception
	 * @return {@code true} for a connect, read or response timeout, including the 504
	 * that Spring Cloud Gateway raises when a route's response timeout passes
	 */
	public static boolean timedOut(Throwable ex) {
		if (ex instanceof ResponseStatusException status
				&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
			return true;
		}
		return causedBy(ex, ConnectTimeoutException.class) || causedBy(ex, java.util.concurrent.TimeoutException.class)
				|| causedBy(ex, io.netty.handler.timeout.TimeoutException.class)
				|| causedBy(ex, org.springframework.cloud.gateway.support.TimeoutException.class);
	}

}
