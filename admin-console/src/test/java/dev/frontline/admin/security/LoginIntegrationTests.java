package dev.frontline.admin.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in from a browser, and calling the API, over real HTTP: the session cookie, its
 * attributes and the CSRF token are the server's, not a mock's. The console runs with the
 * local users.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:login-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class LoginIntegrationTests {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static HttpClient http;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@BeforeAll
	static void client() {
		// No cookie handler and no redirects: the test follows both by hand.
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	@Test
	void logsInWithTheFormAndItsCsrfToken() throws Exception {
		HttpResponse<String> page = send(get("/login"));
		assertThat(page.statusCode()).isEqualTo(200);
		String session = sessionCookie(page);
		String csrf = csrfToken(page.body());

		HttpResponse<String> forged = send(login(session, null));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("JSESSIONID="));

		HttpResponse<String> login = send(login(session, csrf));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/"));
		String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("JSESSIONID=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax");
		String loggedIn = cookie.substring(0, cookie.indexOf(';'));
		assertThat(loggedIn).as("the session id changes at login").isNotEqualTo(session);

		assertThat(send(get("/api/v1/routes").header("Cookie", loggedIn)).statusCode()).isEqualTo(200);
	}

	@Test
	void requiresTheCsrfTokenForChangesMadeWithTheSession() throws Exception {
		String session = loggedIn();
		HttpResponse<String> forged = send(post("/api/v1/config/rollback/1").header("Cookie", session));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("urn:frontline:problem:invalid-csrf-token");

		// The UI reads the token of the session from its own pages.
		String csrf = csrfToken(send(get("/login").header("Cookie", session)).body());
		HttpResponse<String> rollback = send(
				post("/api/v1/config/rollback/1").header("Cookie", session).header("X-CSRF-TOKEN", csrf));
		assertThat(rollback.statusCode()).isEqualTo(201);
		assertThat(rollback.body()).contains("\"createdBy\":\"operator\"");
	}

	@Test
	void refusesTheSessionOnTheGatewayEndpoints() throws Exception {
		HttpResponse<String> watch = send(
				get("/api/v1/config/watch").header("Cookie", loggedIn()).header("Accept", "text/event-stream"));
		assertThat(watch.statusCode()).isEqualTo(401);
		assertThat(watch.body()).contains("urn:frontline:problem:unauthorized");
	}

	@Test
	void answersBasicCredentialsWithoutASession() throws Exception {
		HttpResponse<String> response = send(get("/api/v1/routes").header("Authorization", basic("viewer")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void sendsAnAnonymousBrowserToTheLoginPage() throws Exception {
		HttpResponse<String> response = send(get("/").header("Accept", "text/html"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
	}

	@Test
	void leavesTheProbesOnTheManagementPortOpen() throws Exception {
		for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus")) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
		}
	}

	private String loggedIn() throws Exception {
		HttpResponse<String> page = send(get("/login"));
		HttpResponse<String> login = send(login(sessionCookie(page), csrfToken(page.body())));
		assertThat(login.statusCode()).isEqualTo(302);
		return sessionCookie(login);
	}

	private HttpRequest.Builder login(String session, String csrf) {
		String form = "username=operator&password=operator"
				+ ((csrf != null) ? "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) : "");
		return HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path));
	}

	private HttpRequest.Builder post(String path) {
		return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String sessionCookie(HttpResponse<String> response) {
		String cookie = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie in " + response.headers().map()));
		return cookie.substring(0, cookie.indexOf(';'));
	}

	private static String csrfToken(String page) {
		Matcher matcher = CSRF_FIELD.matcher(page);
		assertThat(matcher.find()).as("a CSRF field in %s", page).isTrue();
		return matcher.group(1);
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

}
