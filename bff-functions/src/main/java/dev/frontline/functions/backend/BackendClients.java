package dev.frontline.functions.backend;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.reactivestreams.Publisher;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Creates typed clients for backends from {@code @HttpExchange} interfaces. Each client
 * talks to the URL configured for its backend and is limited by that backend's timeout.
 */
public final class BackendClients {

	private final BackendsProperties properties;

	private final WebClient.Builder webClients;

	BackendClients(BackendsProperties properties, WebClient.Builder webClients) {
		this.properties = properties;
		this.webClients = webClients;
	}

	/**
	 * Creates a client.
	 * @param <T> the client type
	 * @param backend the backend's name under {@code frontline.backends}
	 * @param clientType an {@code @HttpExchange} interface whose methods return
	 * {@code Mono} or {@code Flux}
	 * @return the client
	 * @throws IllegalStateException if the backend is not configured or a method would
	 * block
	 */
	public <T> T create(String backend, Class<T> clientType) {
		requireReactive(clientType);
		BackendsProperties.Backend settings = this.properties.backend(backend);
		WebClient webClient = this.webClients.clone()
			.baseUrl(settings.url().toString())
			.clientConnector(new ReactorClientHttpConnector(httpClient(settings.timeout())))
			.build();
		return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(webClient))
			.exchangeAdapterDecorator((adapter) -> new BackendExchangeAdapter(backend, settings.timeout(), adapter))
			.build()
			.createClient(clientType);
	}

	private static HttpClient httpClient(Duration timeout) {
		int connectTimeout = (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE);
		return HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeout);
	}

	// A method returning a plain value would block a request thread until the backend
	// answers; refuse it when the client is created rather than on the first call.
	private static void requireReactive(Class<?> clientType) {
		for (Method method : clientType.getMethods()) {
			if (Modifier.isAbstract(method.getModifiers())
					&& !Publisher.class.isAssignableFrom(method.getReturnType())) {
				throw new IllegalStateException(clientType.getName() + "." + method.getName()
						+ " must return Mono or Flux, so that calls never block");
			}
		}
	}

}
