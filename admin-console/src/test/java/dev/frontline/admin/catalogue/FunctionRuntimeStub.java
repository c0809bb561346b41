package dev.frontline.admin.catalogue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A function runtime on a random port of 127.0.0.1 that serves only its catalogue,
 * {@code GET /functions}, as the demo runtime lists it unless told otherwise.
 */
final class FunctionRuntimeStub implements AutoCloseable {

	/** The demo functions, as the function runtime lists them. */
	static final String DEMO_CATALOGUE = "["
			+ String.join(",", entry("cart", "CallerQuery", "Cart"), entry("homePage", "CallerQuery", "HomePage"),
					entry("mobileView", "HomePage", "MobileHome"), entry("product", "ProductQuery", "Product"),
					entry("profile", "CallerQuery", "Profile"),
					entry("recommendations", "CallerQuery", "Recommendations"), entry("webView", "HomePage", "WebHome"))
			+ "]";

	private final HttpServer server;

	// A slow answer must not hold up the next request.
	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final AtomicInteger requests = new AtomicInteger();

	private volatile int status = 200;

	private volatile String contentType = "application/json";

	private volatile String body = DEMO_CATALOGUE;

	private volatile Duration delay = Duration.ZERO;

	private FunctionRuntimeStub(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts a stub that serves the demo catalogue.
	 */
	static FunctionRuntimeStub start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		FunctionRuntimeStub stub = new FunctionRuntimeStub(server);
		server.createContext("/functions", stub::handle);
		server.setExecutor(stub.threads);
		server.start();
		return stub;
	}

	/** The runtime's base URI. */
	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Serves the given JSON as the catalogue from now on. */
	FunctionRuntimeStub serving(String catalogue) {
		return answering(200, "application/json", catalogue);
	}

	/** Answers {@code GET /functions} with the given response from now on. */
	FunctionRuntimeStub answering(int status, String contentType, String body) {
		this.status = status;
		this.contentType = contentType;
		this.body = body;
		return this;
	}

	/** Waits this long before answering, from now on. */
	FunctionRuntimeStub slowBy(Duration delay) {
		this.delay = delay;
		return this;
	}

	/** How many times the catalogue was asked for. */
	int requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	private static String entry(String name, String input, String output) {
		String types = "dev.frontline.functions.storefront.";
		return """
				{"name": "%s", "inputType": "%s", "outputType": "%s", "description": "The demo's %s",
				 "inputJavaType": "%s", "outputJavaType": "%s", "acceptsAnyInput": false}""".formatted(name, input,
				output, name, types + input, types + output);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.requests.incrementAndGet();
			if (!this.delay.isZero()) {
				Thread.sleep(this.delay.toMillis());
			}
			byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", this.contentType);
			exchange.sendResponseHeaders(this.status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// The client gave up waiting, as a test wanted.
		}
	}

}
