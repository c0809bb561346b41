package dev.frontline.functions.backend;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import io.netty.channel.ChannelOption;
import org.reactivestreams.Publisher;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Creates typed clients for backends from {@code @HttpExchange} interfaces. Each client
 * talks to the URL configured for its backend ({@code frontline.backends.<name>.url}),
 * and every call it makes is guarded by that backend's timeouts, retry, circuit breaker
 * and bulkhead, so that a function gets resilience by declaring an interface:
 *
 * <pre class="code">
 * &#64;HttpExchange(accept = "application/json")
 * interface CatalogClient {
 *
 *     &#64;GetExchange("/products/{id}")
 *     Mono&lt;Product&gt; product(@PathVariable String id);
 *
 * }
 *
 * &#64;Bean
 * CatalogClient catalogClient(BackendClients clients) {
 *     return clients.create("catalog", CatalogClient.class);
 * }
 * </pre>
 *
 * Each call carries the trace of the function call that makes it, in a W3C
 * {@code traceparent} header, and is timed as {@code http.client.requests} besides
 * {@code frontline.backend.calls}.
 * <p>
 * A method answers empty when the backend answers 404, and fails with a
 * {@link dev.frontline.functions.problem.FunctionProblem} that the runtime answers with
 * otherwise: {@link BackendTimedOut} (504), {@link BackendCircuitOpen} and
 * {@link BackendBusy} (503), {@link BackendUnavailable} (502).
 */
public final class BackendClients {

	private final BackendsProperties properties;

	private final WebClient.Builder webClients;

	private final BackendGuards guards;

	BackendClients(BackendsProperties properties, WebClient.Builder webClients, BackendGuards guards) {
		this.properties = properties;
		this.webClients = webClients;
		this.guards = guards;
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
			.clientConnector(new ReactorClientHttpConnector(httpClient(settings)))
			.build();
		BackendGuard guard = this.guards.guard(backend, settings);
		return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(webClient))
			.exchangeAdapterDecorator((adapter) -> new BackendExchangeAdapter(guard, adapter))
			.build()
			.createClient(clientType);
	}

	private static HttpClient httpClient(BackendsProperties.Backend settings) {
		int connectTimeout = (int) Math.min(settings.effectiveConnectTimeout().toMillis(), Integer.MAX_VALUE);
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
