package dev.frontline.admin.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.frontline.admin.ConsoleServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over real HTTP, as a browser without scripts meets them: the session cookie
 * and its attributes, the security headers, the error pages of refusals, and logging out.
 */
@ConsoleServer
class PageSecurityIntegrationTests {

	private static HttpClient http;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void client() {
		// No cookie handler and no redirects: the test follows both by hand.
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	@Test
	void keepsTheSessionCookieFromScriptsAndOtherSites() throws Exception {
		HttpResponse<String> login = login("operator");
		assertThat(login.statusCode()).isEqualTo(302);
		String cookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
	}

	@Test
	void sendsTheSecurityHeadersWithEveryPage() throws Exception {
		String session = session(login("viewer"));
		for (String path : new String[] { "/login", "/", "/routes" }) {
			HttpResponse<String> page = send(get(path).header("Cookie", session));
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
			assertThat(page.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
			assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
		}
	}

	@Test
	void answersAViewersChangeWithTheErrorPageThatNamesTheRole() throws Exception {
		String session = session(login("viewer"));
		Document routes = page(send(get("/routes").header("Cookie", session)));
		String csrf = routes.select("form[action=/logout] input[name=_csrf]").val();
		HttpResponse<String> refused = send(
				form("/routes/product/delete", "_csrf=" + encode(csrf)).header("Cookie", session));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		Document page = page(refused);
		assertThat(page.select("#problem-detail").text()).startsWith("Your role (viewer) does not allow this.");
		assertThat(page.select(".session .user").text()).isEqualTo("viewer");
	}

	@Test
	void answersAFormWithoutItsTokenWithTheErrorPageThatSaysSo() throws Exception {
		String session = session(login("operator"));
		HttpResponse<String> refused = send(form("/routes/product/delete", "").header("Cookie", session));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(page(refused).select("#problem-detail").text())
			.startsWith("The form's security token was missing or out of date");
		assertThat(send(get("/routes/product").header("Cookie", session)).statusCode()).isEqualTo(200);
	}

	@Test
	void logsOutWithAFormPostAndForgetsTheSession() throws Exception {
		String session = session(login("operator"));
		Document overview = page(send(get("/").header("Cookie", session)));
		String csrf = overview.select("form[action=/logout] input[name=_csrf]").val();
		HttpResponse<String> logout = send(form("/logout", "_csrf=" + encode(csrf)).header("Cookie", session));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
		HttpResponse<String> after = send(get("/routes").header("Cookie", session).header("Accept", "text/html"));
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
	}

	private HttpResponse<String> login(String user) throws Exception {
		HttpResponse<String> page = send(get("/login"));
		String csrf = page(page).select("input[name=_csrf]").val();
		return send(form("/login", "username=" + user + "&password=" + user + "&_csrf=" + encode(csrf)).header("Cookie",
				session(page)));
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path));
	}

	private HttpRequest.Builder form(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Document page(HttpResponse<String> response) {
		return Jsoup.parse(response.body());
	}

	private static String session(HttpResponse<String> response) {
		String cookie = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie in " + response.headers().map()));
		return cookie.substring(0, cookie.indexOf(';'));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
