package dev.frontline.gateway.config;

import java.net.URI;

import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The control plane's API for gateways: the watch of config snapshots and the status
 * report. Every call carries the control-plane token.
 */
final class ControlPlaneClient {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
	};

	private final WebClient client;

	ControlPlaneClient(WebClient.Builder builder, URI uri, String token) {
		String base = uri.toString();
		this.client = builder.baseUrl(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			// The gateway's client metrics describe routed requests; calls to the control
			// plane would clash with their tags.
			.observationRegistry(ObservationRegistry.NOOP)
			.build();
	}

	/**
	 * Opens a watch of the snapshots newer than the given version. The stream carries
	 * snapshot events and keep-alive comments; it ends when the connection does.
	 * @param since the version the gateway holds
	 * @param onOpen called once the control plane accepted the watch
	 */
	Flux<ServerSentEvent<String>> watch(long since, Runnable onOpen) {
		return this.client.get()
			.uri((uri) -> uri.path("/api/v1/config/watch").queryParam("since", since).build())
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchangeToFlux((response) -> {
				if (!response.statusCode().is2xxSuccessful()) {
					return response.<ServerSentEvent<String>>createError().flux();
				}
				onOpen.run();
				return response.bodyToFlux(EVENTS);
			});
	}

	/**
	 * Reports the gateway's status.
	 */
	Mono<Void> reportStatus(String gatewayId, GatewayStatus status) {
		return this.client.post()
			.uri("/api/v1/gateways/{id}/status", gatewayId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(status)
			.retrieve()
			.toBodilessEntity()
			.then();
	}

}
