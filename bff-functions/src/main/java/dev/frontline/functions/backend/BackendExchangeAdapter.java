package dev.frontline.functions.backend;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.service.invoker.HttpExchangeAdapter;
import org.springframework.web.service.invoker.HttpRequestValues;
import org.springframework.web.service.invoker.ReactorHttpExchangeAdapterDecorator;

/**
 * Hands every call of a client to its backend's {@link BackendGuard}, so that every
 * client gets the backend's timeout, retry, circuit breaker and bulkhead, and the same
 * errors.
 */
class BackendExchangeAdapter extends ReactorHttpExchangeAdapterDecorator {

	private final BackendGuard guard;

	BackendExchangeAdapter(BackendGuard guard, HttpExchangeAdapter delegate) {
		super(delegate);
		this.guard = guard;
	}

	@Override
	public Mono<Void> exchangeForMono(HttpRequestValues values) {
		return this.guard.guard(values.getHttpMethod(), super.exchangeForMono(values));
	}

	@Override
	public Mono<HttpHeaders> exchangeForHeadersMono(HttpRequestValues values) {
		return this.guard.guard(values.getHttpMethod(), super.exchangeForHeadersMono(values));
	}

	@Override
	public <T> Mono<T> exchangeForBodyMono(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
		return this.guard.guard(values.getHttpMethod(), super.exchangeForBodyMono(values, bodyType));
	}

	@Override
	public <T> Flux<T> exchangeForBodyFlux(HttpRequestValues values, ParameterizedTypeReference<T> bodyType) {
		return this.guard.guard(values.getHttpMethod(), super.exchangeForBodyFlux(values, bodyType));
	}

	@Override
	public Mono<ResponseEntity<Void>> exchangeForBodilessEntityMono(HttpRequestValues values) {
		return this.guard.guard(values.getHttpMethod(), super.exchangeForBodilessEntityMono(values));
	}

	@Override
	public <T> Mono<ResponseEntity<T>> exchangeForEntityMono(HttpRequestValues values,
			ParameterizedTypeReference<T> bodyType) {
		return this.guard.guard(values.getHttpMethod(), super.exchangeForEntityMono(values, bodyType));
	}

	// Only the status and headers are guarded: the body streams later, to the caller.
	@Override
	public <T> Mono<ResponseEntity<Flux<T>>> exchangeForEntityFlux(HttpRequestValues values,
			ParameterizedTypeReference<T> bodyType) {
		return this.guard.guard(values.getHttpMethod(), super.exchangeForEntityFlux(values, bodyType));
	}

}
