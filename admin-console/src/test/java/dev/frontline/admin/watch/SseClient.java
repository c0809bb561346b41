package dev.frontline.admin.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-sent-events client over {@link HttpClient} that parses events as they arrive.
 */
final class SseClient implements AutoCloseable {

	private final HttpResponse<InputStream> response;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final AtomicInteger comments = new AtomicInteger();

	private final Thread reader;

	private volatile boolean ended;

	private SseClient(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new Thread(this::read, "sse-client");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	static SseClient open(HttpClient http, URI uri, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
		headers.forEach(request::header);
		return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
	}

	int status() {
		return this.response.statusCode();
	}

	/**
	 * The next event, or {@code null} if none arrives in time.
	 */
	Event next(Duration timeout) throws InterruptedException {
		return this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	int comments() {
		return this.comments.get();
	}

	boolean ended() {
		return this.ended;
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.response.body(), StandardCharsets.UTF_8))) {
			String name = null;
			String id = null;
			StringBuilder data = new StringBuilder();
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(name, id, data.toString()));
					}
					name = null;
					id = null;
					data.setLength(0);
				}
				else if (line.startsWith(":")) {
					this.comments.incrementAndGet();
				}
				else if (line.startsWith("event:")) {
					name = value(line);
				}
				else if (line.startsWith("id:")) {
					id = value(line);
				}
				else if (line.startsWith("data:")) {
					data.append((data.isEmpty()) ? "" : "\n").append(value(line));
				}
			}
		}
		catch (IOException ex) {
			// Closed by the test or the server.
		}
		finally {
			this.ended = true;
		}
	}

	private static String value(String line) {
		String value = line.substring(line.indexOf(':') + 1);
		return value.startsWith(" ") ? value.substring(1) : value;
	}

	@Override
	public void close() throws IOException {
		this.response.body().close();
	}

	/**
	 * One server-sent event.
	 */
	record Event(String name, String id, String data) {

	}

}
