package dev.frontline.admin.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.frontline.admin.AdminConsoleApplication;
import dev.frontline.admin.LocalPostgres;
import dev.frontline.testing.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A console started while its PostgreSQL server is not reachable: it says so, naming the
 * database, and tries again with growing waits; it is not ready meanwhile, and starts,
 * schema migrated, once the server answers; or it gives up after its startup timeout,
 * saying why. The server is reached through a proxy that listens only once the test says
 * so. Skipped when the server is unreachable, unless {@code CI=true}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupIntegrationTests {

	private static final Pattern RETRYING = Pattern.compile("is not reachable \\(.*\\); retrying in (\\w+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ExecutorService starter = Executors.newSingleThreadExecutor();

	private final String schema = LocalPostgres.newSchema("frontline_startup_");

	@TempDir
	private Path dataDir;

	@AfterEach
	void cleanUp() {
		this.starter.shutdownNow();
		LocalPostgres.dropSchemas(List.of(this.schema));
	}

	@Test
	void waitsForTheDatabaseAndStartsOnceItIsReachable(CapturedOutput output) throws Exception {
		LocalPostgres.require("the database startup tests");
		try (TcpProxy postgres = TcpProxy.closed(5432)) {
			int port = TestSocketUtils.findAvailableTcpPort();
			int management = TestSocketUtils.findAvailableTcpPort();
			String url = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/test?currentSchema=" + this.schema;
			Future<ConfigurableApplicationContext> starting = this.starter
				.submit(() -> start(url, "60s", "--server.port=" + port, "--management.server.port=" + management));
			try {
				await().atMost(Duration.ofSeconds(60)).until(() -> waits(output).size() >= 3);
				assertThat(output)
					.contains("The database " + url + " is not reachable (Connection to 127.0.0.1:" + postgres.port()
							+ " refused")
					.contains("for at most 1m (frontline.admin.database.startup-timeout)");
				assertThat(waits(output)).startsWith("200ms", "400ms", "800ms");
				assertThat(starting).isNotDone();
				assertThat(readiness(management)).isNotEqualTo(200);
			}
			finally {
				postgres.open();
			}
			try (ConfigurableApplicationContext console = starting.get(60, TimeUnit.SECONDS)) {
				assertThat(output).contains("The database " + url + " is reachable after");
				assertThat(readiness(management)).isEqualTo(200);
				HttpResponse<String> config = this.http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/config"))
						.header("Authorization",
								"Basic " + Base64.getEncoder()
									.encodeToString("viewer:viewer".getBytes(StandardCharsets.UTF_8)))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(config.statusCode()).isEqualTo(200);
				assertThat(config.headers().firstValue("X-Config-Version")).as("the seed was published").hasValue("1");
			}
		}
	}

	@Test
	void givesUpAfterTheStartupTimeoutSayingWhichDatabaseItWaitedFor(CapturedOutput output) {
		try (TcpProxy nobody = TcpProxy.closed(5432)) {
			String url = "jdbc:postgresql://127.0.0.1:" + nobody.port() + "/test";
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> start(url, "1s", "--server.port=0", "--management.server.port=0"));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("The database " + url + " was not reachable within 1s")
				.contains("raise frontline.admin.database.startup-timeout");
		}
	}

	private ConfigurableApplicationContext start(String url, String timeout, String... more) {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + LocalPostgres.USER, "--spring.flyway.schemas=" + this.schema,
				"--frontline.data-dir=" + this.dataDir, "--frontline.admin.seed.functions-uri=http://127.0.0.1:1",
				"--frontline.admin.database.startup-timeout=" + timeout,
				"--frontline.admin.database.retry-interval=200ms", "--frontline.admin.database.max-retry-interval=1s",
				"--spring.main.banner-mode=off"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(AdminConsoleApplication.class).run(args.toArray(String[]::new));
	}

	/**
	 * The waits the console announced so far, in order.
	 */
	private static List<String> waits(CapturedOutput output) {
		Matcher matcher = RETRYING.matcher(output.getOut());
		List<String> waits = new ArrayList<>();
		while (matcher.find()) {
			waits.add(matcher.group(1));
		}
		return waits;
	}

	/**
	 * The status of the readiness probe, or 0 if nothing answers on the port.
	 */
	private int readiness(int management) {
		try {
			return this.http
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			return 0;
		}
	}

}
