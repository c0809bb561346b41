package dev.frontline.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server (the {@code prometheus} binary on the path) scraping the given
 * targets every second, and its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/bin/prometheus");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int port;

	private PrometheusServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static boolean installed() {
		return Files.isExecutable(BINARY);
	}

	/**
	 * Starts Prometheus scraping {@code /actuator/prometheus} of each job's targets
	 * ({@code host:port}).
	 */
	static PrometheusServer start(Map<String, List<String>> jobs, Path dir) throws IOException {
		StringBuilder config = new StringBuilder(
				"global:\n  scrape_interval: 1s\n  scrape_timeout: 900ms\n" + "scrape_configs:\n");
		jobs.forEach((job, targets) -> config.append("  - job_name: ")
			.append(job)
			.append("\n    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets: [")
			.append(String.join(", ", targets.stream().map((target) -> "'" + target + "'").toList()))
			.append("]\n"));
		Files.createDirectories(dir);
		Path file = dir.resolve("prometheus.yml");
		Files.writeString(file, config);
		int port = ServiceProcess.freePort();
		Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + file,
				"--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("prometheus.log").toFile())
			.start();
		return new PrometheusServer(process, port);
	}

	/**
	 * The scrape targets: each one's job, instance and health ({@code up}, {@code down}
	 * or {@code unknown}).
	 */
	JsonNode targets() throws IOException, InterruptedException {
		return api("/api/v1/targets").path("data").path("activeTargets");
	}

	/**
	 * The series matching a selector, each a map of its labels.
	 */
	JsonNode series(String selector) throws IOException, InterruptedException {
		return api("/api/v1/series?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8)).path("data");
	}

	/**
	 * The result of an instant query.
	 */
	JsonNode query(String promql) throws IOException, InterruptedException {
		return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data")
			.path("result");
	}

	private JsonNode api(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("Prometheus answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

}
