package dev.frontline.admin.runtime;

import dev.frontline.admin.web.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A function runtime could not be used: it is down or too slow, or it answered with
 * something no runtime answers (502, {@code runtime-unreachable}). The problem names the
 * runtime in its detail and in its {@code runtime} property.
 */
public class RuntimeUnreachable extends ErrorResponseException {

	private final String runtime;

	private final String reason;

	/**
	 * A runtime that could not be used.
	 * @param runtime its base URI
	 * @param reason why, such as {@code ConnectException} or {@code it answered 401: ...}
	 * @param cause the failure, if any
	 */
	public RuntimeUnreachable(String runtime, String reason, @Nullable Throwable cause) {
		super(HttpStatus.BAD_GATEWAY, Problems.of(HttpStatus.BAD_GATEWAY, "runtime-unreachable",
				"Function runtime unreachable", "Function runtime " + runtime + " cannot be used: " + reason), cause);
		getBody().setProperty("runtime", runtime);
		this.runtime = runtime;
		this.reason = reason;
	}

	/**
	 * The base URI of the runtime.
	 */
	public String runtime() {
		return this.runtime;
	}

	/**
	 * Why it could not be used.
	 */
	public String reason() {
		return this.reason;
	}

	@Override
	public String getMessage() {
		return "Function runtime " + this.runtime + " cannot be used: " + this.reason;
	}

}
