package dev.frontline.functions.async;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import dev.frontline.functions.problem.FunctionProblem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The store of asynchronous invocations cannot be reached, or did not answer in time
 * (503, with {@code Retry-After}). Nothing was accepted or changed: every change to the
 * store is one transaction, which a failure rolls back.
 */
class InvocationStoreUnavailable extends FunctionProblem {

	/**
	 * The seconds a client is asked to wait before it tries again.
	 */
	static final int RETRY_AFTER_SECONDS = 5;

	InvocationStoreUnavailable(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "invocation-store-unavailable", "Invocation store unavailable",
				"The store of asynchronous invocations cannot be reached; nothing was accepted or changed. "
						+ "Try again shortly.",
				cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
	}

	/**
	 * Whether a failure means that the store cannot be reached or is too busy to answer,
	 * rather than that a request or the runtime is wrong.
	 * @param failure a failure of a call to the store
	 * @return {@code true} if trying again later may succeed
	 */
	static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
		}
		return false;
	}

}
