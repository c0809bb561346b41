package dev.frontline.admin.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/**
 * Writes a problem to a response outside Spring MVC, such as from a servlet filter,
 * exactly as the MVC error handling would: same JSON, same content type, the request path
 * as {@code instance}.
 */
public class ProblemWriter {

	private final JacksonJsonHttpMessageConverter converter;

	/**
	 * Creates a writer that serializes with the given mapper's settings.
	 */
	public ProblemWriter(JsonMapper mapper) {
		// The builder constructor adds the mix-in that flattens a problem's properties.
		this.converter = new JacksonJsonHttpMessageConverter(mapper.rebuild());
	}

	/**
	 * Answers the request with the problem, under the problem's status. Headers set on
	 * the response before are kept.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			problem.setInstance(instance(request));
		}
		ServletServerHttpResponse output = new ServletServerHttpResponse(response);
		output.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		this.converter.write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
	}

	private static URI instance(HttpServletRequest request) {
		try {
			return URI.create(request.getRequestURI());
		}
		catch (IllegalArgumentException ex) {
			return URI.create("about:blank");
		}
	}

}
