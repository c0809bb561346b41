package dev.frontline.functions.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
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

	private final FunctionCatalogue catalogue;

	private final FunctionInputReader inputs;

	private final int maxBodyBytes;

	/**
	 * Creates the definitions.
	 * @param catalogue the published functions
	 * @param inputs checks an input against a function's input type
	 * @param maxBody the largest request body a function takes:
	 * {@code spring.http.codecs.max-in-memory-size}, which also bounds what the framework
	 * reads into memory
	 */
	FunctionDefinitions(FunctionCatalogue catalogue, FunctionInputReader inputs, DataSize maxBody) {
		this.catalogue = catalogue;
		this.inputs = inputs;
		this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE, maxBody.toBytes());
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
			return read(request).map((body) -> check(functions, body));
		});
	}

	byte[] check(List<PublishedFunction> functions, byte[] body) {
		return this.inputs.check(functions.get(0).inputType(), body);
	}

	/**
	 * Reads the body of a request that is JSON or says nothing of its type.
	 * @param request the request
	 * @return the body, empty for none; fails with 415 if the request names another media
	 * type, or one that does not parse, and with 413 past the largest body
	 */
	Mono<byte[]> read(ServerHttpRequest request) {
		return Mono.defer(() -> {
			MediaType contentType = contentType(request);
			if (contentType != null && !isJson(contentType)) {
				return Mono
					.error(new UnsupportedMediaTypeStatusException(contentType, List.of(MediaType.APPLICATION_JSON)));
			}
			return DataBufferUtils.join(request.getBody(), this.maxBodyBytes).map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
				.defaultIfEmpty(new byte[0])
				.onErrorMap(DataBufferLimitException.class,
						(ex) -> new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
								"The request body is larger than " + this.maxBodyBytes + " bytes"));
		});
	}

	private static @Nullable MediaType contentType(ServerHttpRequest request) {
		try {
			return request.getHeaders().getContentType();
		}
		catch (InvalidMediaTypeException ex) {
			throw new UnsupportedMediaTypeStatusException(
					"The Content-Type header is not a media type this runtime reads; functions take application/json");
		}
	}

	private static boolean isJson(MediaType contentType) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| "json".equals(contentType.getSubtypeSuffix());
	}

}
