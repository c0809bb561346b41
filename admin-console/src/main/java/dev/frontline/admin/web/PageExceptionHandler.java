package dev.frontline.admin.web;

import java.util.List;
import java.util.Map;

import dev.frontline.contract.FieldError;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers the failures of {@link PageController pages} with the error page: the same
 * problem the API would answer (status, title, detail and field errors), as HTML. Ahead
 * of the API's handler, which answers every other controller.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Log log = LogFactory.getLog(PageExceptionHandler.class);

	@ExceptionHandler
	ModelAndView handle(Exception ex) {
		if (ex instanceof ErrorResponse response) {
			return page(response.getStatusCode(), response.getBody());
		}
		if (ex instanceof TypeMismatchException mismatch) {
			String name = (mismatch.getPropertyName() != null) ? mismatch.getPropertyName() : "a parameter";
			return page(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
					"Malformed request", "'" + mismatch.getValue() + "' is not a valid " + name));
		}
		if (ex instanceof RequestRejectedException) {
			return page(HttpStatus.BAD_REQUEST, Problems.requestRejected());
		}
		if (ex instanceof DataAccessException || ex instanceof CannotCreateTransactionException) {
			log.error("Config store failure", ex);
			return page(HttpStatus.SERVICE_UNAVAILABLE, Problems.storeUnavailable());
		}
		log.error("Unexpected failure", ex);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Internal error", "The request failed unexpectedly; the server log has the details"));
	}

	private static ModelAndView page(HttpStatusCode status, ProblemDetail problem) {
		ModelAndView page = new ModelAndView("error", HttpStatus.valueOf(status.value()));
		page.addObject("status", status.value());
		page.addObject("error", problem.getTitle());
		page.addObject("detail", problem.getDetail());
		page.addObject("fieldErrors", fieldErrors(problem));
		return page;
	}

	private static List<FieldError> fieldErrors(ProblemDetail problem) {
		Map<String, Object> properties = problem.getProperties();
		if (properties != null && properties.get("errors") instanceof List<?> errors) {
			return errors.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast).toList();
		}
		return List.of();
	}

}
