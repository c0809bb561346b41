package dev.frontline.functions.backend;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.service.invoker.HttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpRequestValues;
import org.springframework.web.service.invoker.ReactorHttpExchangeAdapterDecorator;

/**
 * Every call to one backend passes here: it is limited by the backend's timeout, a 404
 * means "no such entity" and completes empty, and any other failure becomes
 * {@link BackendUnavailable} or {@link BackendTimedOut}. Circuit breaking and retries
 * belong here too, so that every client gets them.
 */
class BackendExchangeAdapter extends ReactorHttpExchangeAdapterDecorator {

	private final String backend;

	private final Duration timeout;

	BackendExchangeAdapter(String backend, Duration timeout, HttpExchangeAdapter delegate) {
		super(delegate);
		this.backend = backend;
		this.timeout = timeout;
	}

	@Override
	public Mono<Void> exchangeForMono(HttpRequestValues requestValues) {
		return guard(super.exchangeForMono(requestValues));
	}

	@Override
	public Mono<HttpHeaders> exchangeForHeadersMono(HttpRequestValues requestValues) {
		return guard(super.exchangeForHeadersMono(requestValues));
	}

	@Override
	public <T> Mono<T> exchangeForBodyMono(HttpRequestValues requestValues, ParameterizedTypeReference<T> bodyType) {
		return guard(super.exchangeForBodyMono(requestValues, bodyType));
	}

	@Override
	public <T> Flux<T> exchangeForBodyFlux(HttpRequestValues requestValues, ParameterizedTypeReference<T> bodyType) {
		return super.exchangeForBodyFlux(requestValues, bodyType)
			.onErrorResume(WebClientResponseException.NotFound.class, (ex) -> Flux.empty())
			.timeout(this.timeout)
			.onErrorMap(this::translate);
	}

	@Override
	public Mono<ResponseEntity<Void>> exchangeForBodilessEntityMono(HttpRequestValues values) {
		return guard(super.exchangeForBodilessEntityMono(values));
	}

	@Override
	public <T> Mono<ResponseEntity<T>> exchangeForEntityMono(HttpRequestValues values,
			ParameterizedTypeReference<T> bodyType) {
		return guard(super.exchangeForEntityMono(values, bodyType));
	}

	@Override
	public <T> Mono<ResponseEntity<Flux<T>>> exchangeForEntityFlux(HttpRequestValues values,
			ParameterizedTypeReference<T> bodyType) {
		return guard(super.exchangeForEntityFlux(values, bodyType));
	}

	private <T> Mono<T> guard(Mono<T> call) {
		return call.onErrorResume(WebClientResponseException.NotFound.class, (ex) -> Mono.empty())
			.timeout(this.timeout)
			.onErrorMap(this::translate);
	}

	private Throwable translate(Throwable ex) {
		if (ex instanceof TimeoutException || hasCause(ex, ConnectTimeoutException.class)) {
			return new BackendTimedOut(this.backend, this.timeout);
		}
		if (ex instanceof WebClientResponseException response) {
			return new BackendUnavailable(this.backend, "answered " + response.getStatusCode().value() + " "
					+ HttpStatus.valueOf(response.getStatusCode().value()).getReasonPhrase());
		}
		if (ex instanceof WebClientRequestException) {
			return new BackendUnavailable(this.backend, "could not be reached");
		}
		if (ex instanceof CodecException) {
			return new BackendUnavailable(this.backend, "answered with a body that could not be read");
		}
		return ex;
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
