package dev.frontline.admin.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.frontline.contract.FieldError;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error as {@code application/problem+json}. The console's own exceptions
 * carry their problem (they are {@link org.springframework.web.ErrorResponse}s); this
 * handler adds field errors to the framework's answers for unreadable or invalid
 * requests, and hides unexpected failures behind a plain 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestBodyTooLarge tooLarge = find(ex, RequestBodyTooLarge.class);
		if (tooLarge != null) {
			return handleExceptionInternal(ex, tooLarge.problem(), headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		FieldError error = JsonReadErrors.of(ex);
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
				"The request body cannot be read: '" + error.field() + "' " + error.message());
		problem.setProperty("errors", List.of(error));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : JsonReadErrors.ROOT;
		Class<?> type = ex.getRequiredType();
		String message = "must be a " + ((type != null) ? type.getSimpleName() : "different type");
		ProblemDetail problem = Problems.withErrors(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
				List.of(new FieldError(field, message)));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(error.getField(), message(error))));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldError(JsonReadErrors.ROOT, message(error))));
		return invalidRequest(ex, errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors parameterErrors) {
				parameterErrors.getFieldErrors()
					.forEach((error) -> errors.add(new FieldError(error.getField(), message(error))));
			}
			else {
				String name = result.getMethodParameter().getParameterName();
				result.getResolvableErrors()
					.forEach((error) -> errors
						.add(new FieldError((name != null) ? name : JsonReadErrors.ROOT, message(error))));
			}
		}
		return invalidRequest(ex, errors, headers, request);
	}

	/**
	 * The store cannot be reached: a transient condition, not a bug. A transaction that
	 * cannot even begin is no {@link DataAccessException}, but the same condition.
	 */
	@ExceptionHandler({ DataAccessException.class, CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> handleStoreFailure(Exception ex) {
		log.error("Config store failure", ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.storeUnavailable());
	}

	/**
	 * The firewall checks parameters only when they are read, which may be after it let
	 * the request through, such as the parameters of a body sent as a form.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleRejected(RequestRejectedException ex) {
		log.debug("Rejected request: " + ex.getMessage());
		return ResponseEntity.badRequest().body(Problems.requestRejected());
	}

	/**
	 * Anything else is a bug: log it, and answer without its details.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The request failed unexpectedly; the server log has the details");
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
	}

	private @Nullable ResponseEntity<Object> invalidRequest(Exception ex, List<FieldError> errors, HttpHeaders headers,
			WebRequest request) {
		List<FieldError> sorted = errors.stream()
			.distinct()
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
			.toList();
		ProblemDetail problem = Problems.withErrors(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				sorted);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

}
