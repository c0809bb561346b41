package dev.frontline.admin.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.frontline.admin.web.ProblemWriter;
import dev.frontline.admin.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Answers a request that the firewall ({@link StrictHttpFirewall}) refuses before any
 * other check with a problem rather than a bare error page: 405 for a method the console
 * does not know, else 400. The firewall refuses what could make the security rules see
 * another path than the handlers do: {@code ..} and {@code //} segments, encoded slashes,
 * backslashes and periods, semicolons, control characters.
 */
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	/** The methods the firewall lets through: those of HTTP the console knows. */
	static final List<String> METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

	private static final Log log = LogFactory.getLog(ProblemRequestRejectedHandler.class);

	private final ProblemWriter writer;

	ProblemRequestRejectedHandler(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		log.debug("Rejected request: " + rejected.getMessage());
		if (!METHODS.contains(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, String.join(", ", METHODS));
			this.writer.write(request, response, Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
					"Method not allowed", "The console answers " + String.join(", ", METHODS) + " requests only"));
			return;
		}
		this.writer.write(request, response, Problems.requestRejected());
	}

}
