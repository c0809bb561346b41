package dev.frontline.functions.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Function definitions and their input, checked as for {@code POST /{definition}}, for
 * features that invoke functions other than by that call, such as asynchronous
 * invocations. A definition names published functions joined by {@code ,} or {@code |},
 * each feeding the next; its input must be JSON that fits the first function's input type
 * and constraints. Every failure is a problem the runtime answers with: 404
 * ({@code function-not-found}), 400 ({@code malformed-request}, with the fields at
 * fault), 413 or 415.
 */
public final class FunctionDefinitions {

	/**
	 * The largest request body a function takes.
	 */
	static final int MAX_BODY_BYTES = 256 * 1024;

	private final FunctionCatalogue catalogue;

	private final FunctionInputReader inputs;

	FunctionDefinitions(FunctionCatalogue catalogue, FunctionInputReader inputs) {
		this.catalogue = catalogue;
		this.inputs = inputs;
	}

	/**
	 * The definition in the form Spring Cloud Function looks it up by, and that metrics
	 * name it by.
	 * @param definition such as {@code homePage|mobileView}
	 * @return such as {@code homePage,mobileView}
	 * @throws dev.frontline.functions.problem.FunctionProblem (404) if it names no
	 * published function, or functions that do not compose
	 */
	public String resolve(String definition) {
		return String.join(",", this.catalogue.resolve(definition).stream().map(PublishedFunction::name).toList());
	}

	/**
	 * Checks an input against what the definition's first function takes.
	 * @param definition a definition
	 * @param body the input as JSON, empty for none
	 * @return the input to hand to the function: the same, or {@code {}} for an empty one
	 * @throws dev.frontline.functions.problem.FunctionProblem (404) if the definition
	 * names no published function, (400) if the input does not fit
	 */
	public byte[] checkInput(String definition, byte[] body) {
		return check(this.catalogue.resolve(definition), body);
	}

	/**
	 * Reads and checks the body of a request as the definition's input.
	 * @param definition a definition
	 * @param request a request with a JSON body, or none
	 * @return the input to hand to the function; fails with a problem (400, 404, 413 or
	 * 415) when the request cannot be the input
	 */
	public Mono<byte[]> readInput(String definition, ServerHttpRequest request) {
		return Mono.defer(() -> {
			List<PublishedFunction> functions = this.catalogue.resolve(definition);
			MediaType contentType = request.getHeaders().getContentType();
			if (contentType != null && !isJson(contentType)) {
				return Mono
					.error(new UnsupportedMediaTypeStatusException(contentType, List.of(MediaType.APPLICATION_JSON)));
			}
			return body(request).map((body) -> check(functions, body));
		});
	}

	byte[] check(List<PublishedFunction> functions, byte[] body) {
		return this.inputs.check(functions.get(0).inputType(), body);
	}

	static boolean isJson(MediaType contentType) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| "json".equals(contentType.getSubtypeSuffix());
	}

	static Mono<byte[]> body(ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
							"The request body is larger than " + MAX_BODY_BYTES + " bytes"));
	}

}
