package dev.frontline.admin.web;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.frontline.admin.ConsoleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The console's pages in a real headless Chromium, driven as an operator and a viewer
 * would use them: scripts, htmx, the content security policy and the forms all as in a
 * browser. The browser is the system's ({@value #CHROMIUM} with {@value #CHROMEDRIVER});
 * without it the tests are skipped, unless {@code CI=true}. Each test leaves a screenshot
 * of its last page in {@code target/screenshots}.
 */
@ConsoleServer
class ConsoleBrowserIntegrationTests {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static WebDriver browser;

	private static HttpClient http;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		List<String> missing = List.of(CHROMIUM, CHROMEDRIVER)
			.stream()
			.filter((binary) -> !Files.isExecutable(Path.of(binary)))
			.toList();
		if (!missing.isEmpty()) {
			String message = "No headless browser: " + String.join(" and ", missing)
					+ " missing (install Debian's chromium and chromium-driver, as .ci/install-browser does)";
			if ("true".equals(System.getenv("CI"))) {
				fail(message + "; required because CI=true");
			}
			Assumptions.abort(message + "; skipping the browser tests");
		}
		// The system's driver, so that Selenium Manager never looks for one to download.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000");
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.build();
		browser = new ChromeDriver(service, options);
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void startLoggedOut() {
		browser.get(url("/login"));
		browser.manage().deleteAllCookies();
	}

	@AfterEach
	void screenshot(TestInfo test) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		String name = test.getTestMethod().orElseThrow().getName();
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	void logsInAndSeesTheOverviewLoadItsSections() {
		browser.get(url("/"));
		waitFor(ExpectedConditions.urlContains("/login"));
		logIn("operator");
		assertThat(path()).isEqualTo("/");
		assertThat(text(".session .user")).isEqualTo("operator");
		assertThat(text(".session .role")).isEqualToIgnoringCase("operator");
		// htmx fetched each section, under the content security policy.
		for (String section : List.of("#gateways", "#active-releases", "#traffic")) {
			waitFor(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector(section), "Loading…")));
		}
		assertThat(text("#traffic")).contains("No route served requests");
		assertThat(cspViolations()).isEmpty();
	}

	@Test
	void createsARouteAndFindsItWithTheFilter() {
		logIn("operator");
		browser.get(url("/routes"));
		click("#new-route");
		type("#id", "browser-made");
		type("#description", "Made in a browser");
		type("#path", "/api/browser/made");
		new Select(find("#authMode")).selectByValue("public");
		type("#stableUris", ConsoleServer.FUNCTIONS_URI);
		type("#stableFunction", "product");
		click("#save-route");

		waitFor(ExpectedConditions.urlToBe(url("/routes/browser-made")));
		assertThat(text(".notice.success")).startsWith("Created route browser-made; published as version");
		assertThat(text(".notice.warning")).contains("composition not checked");

		browser.get(url("/routes"));
		assertThat(rows()).contains("route-browser-made", "route-product");
		type("#q", "/browser/made");
		waitFor((driver) -> rows().size() == 1);
		assertThat(rows()).containsExactly("route-browser-made");
		assertThat(browser.getCurrentUrl()).endsWith("/routes?q=%2Fbrowser%2Fmade");
	}

	@Test
	void showsTheErrorOfABadPathPatternNextToIt() throws Exception {
		logIn("operator");
		browser.get(url("/routes/new"));
		type("#id", "browser-invalid");
		type("#path", "api/without/slash");
		type("#stableUris", ConsoleServer.FUNCTIONS_URI);
		type("#stableFunction", "product");
		click("#save-route");

		WebElement error = waitFor(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//input[@id='path']/ancestor::div[contains(@class,'field')]"
					+ "//p[contains(@class,'field-error')]")));
		assertThat(error.getText()).isEqualTo("must be a path pattern such as /api/products/{id}");
		assertThat(find("#path").getDomProperty("value")).isEqualTo("api/without/slash");
		assertThat(text(".form-errors")).contains("The route was not saved");
		assertThat(api("/api/v1/routes/browser-invalid").statusCode()).isEqualTo(404);
	}

	@Test
	void startsAReleaseAndAbortsIt() throws Exception {
		createRoute("browser-released");
		logIn("operator");
		browser.get(url("/routes/browser-released"));
		click("#start-release");
		assertThat(new Select(find("#routeId")).getFirstSelectedOption().getText()).isEqualTo("browser-released");
		type("#canaryUris", "http://127.0.0.1:2");
		type("#canaryFunction", "product");
		type("#steps", "10, 50, 100");
		type("#interval", "1h");
		click("#start");

		waitFor(ExpectedConditions.urlMatches("/releases/\\d+$"));
		assertThat(text("#release-state")).isEqualTo("running");
		assertThat(text("#release-weight")).isEqualTo("10%");
		assertThat(text(".notice.success")).contains("of route browser-released at 10%");
		assertThat(browser.findElements(By.cssSelector("canvas[data-evaluations]"))).hasSize(2);
		assertThat(decisions()).containsExactly("pause", "promote", "abort");

		click("#abort");
		waitFor(ExpectedConditions.textToBe(By.id("release-state"), "aborted"));
		assertThat(text("#release-weight")).isEqualTo("0%");
		assertThat(decisions()).isEmpty();
		assertThat(api("/api/v1/routes/browser-released").body()).contains("\"weight\":0");
		assertThat(cspViolations()).isEmpty();
	}

	@Test
	void rollsBackAConfigVersionAfterConfirming() throws Exception {
		long before = Long.parseLong(api("/api/v1/config").headers().firstValue("X-Config-Version").orElseThrow());
		createRoute("browser-rolled-back");
		logIn("operator");
		browser.get(url("/config"));
		click("#rollback-" + before);

		waitFor(ExpectedConditions.urlToBe(url("/config/rollback/" + before)));
		assertThat(text("#diff")).contains("browser-rolled-back");
		click("#confirm-rollback");

		waitFor(ExpectedConditions.urlToBe(url("/config")));
		assertThat(text(".notice.success"))
			.isEqualTo("Rolled back to the routes of version " + before + "; published as version " + (before + 2));
		assertThat(text("#version-" + (before + 2))).contains("rollback to " + before);
		assertThat(api("/api/v1/routes/browser-rolled-back").statusCode()).isEqualTo(404);
	}

	@Test
	void showsAViewerNoControlsAndRefusesItsPosts() throws Exception {
		logIn("viewer");
		browser.get(url("/routes"));
		assertThat(browser.findElements(By.id("new-route"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("td.actions"))).isEmpty();
		browser.get(url("/routes/product"));
		assertThat(browser.findElements(By.cssSelector("#edit-route, #start-release, #delete-route"))).isEmpty();
		browser.get(url("/config"));
		assertThat(browser.findElements(By.cssSelector("[id^=rollback-]"))).isEmpty();

		// A post the page does not offer, with the session's own CSRF token: refused for
		// the role, not for the token.
		Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const token = document.querySelector('form[action="/logout"] input[name="_csrf"]').value;
				fetch('/routes/product/delete', {method: 'POST', body: new URLSearchParams({_csrf: token})})
					.then((response) => done(response.status), (failure) => done(String(failure)));""");
		assertThat(status).isEqualTo(403L);
		assertThat(api("/api/v1/routes/product").statusCode()).isEqualTo(200);

		browser.get(url("/routes/new"));
		assertThat(text("h1")).isEqualTo("403 Forbidden");
		assertThat(text("#problem-detail")).startsWith("Your role (viewer) does not allow this.");
	}

	private void logIn(String user) {
		// A fresh form: its CSRF token belongs to the session the browser holds now.
		browser.get(url("/login"));
		type("#username", user);
		type("#password", user);
		click("#log-in");
		waitFor((driver) -> !path().equals("/login"));
	}

	private void createRoute(String id) throws Exception {
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/routes")))
			.header("Authorization", basic("operator"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"id": "%s", "match": {"path": "/api/browser/%s"},
					 "stable": {"uris": ["%s"], "function": "product"}}""".formatted(id, id,
					ConsoleServer.FUNCTIONS_URI)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private HttpResponse<String> api(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic("viewer")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private List<String> rows() {
		return browser.findElements(By.cssSelector("#route-table tbody tr"))
			.stream()
			.map((row) -> row.getDomAttribute("id"))
			.toList();
	}

	private List<String> decisions() {
		return browser.findElements(By.cssSelector(".decisions button"))
			.stream()
			.map((button) -> button.getDomAttribute("id"))
			.toList();
	}

	private List<String> cspViolations() {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String path() {
		return URI.create(browser.getCurrentUrl()).getPath();
	}

	private static WebElement find(String css) {
		return waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	private static String text(String css) {
		return find(css).getText();
	}

	private static void type(String css, String text) {
		WebElement input = find(css);
		input.clear();
		input.sendKeys(text);
	}

	private static void click(String css) {
		waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
	}

	private static <T> T waitFor(Function<? super WebDriver, T> condition) {
		return new WebDriverWait(browser, PATIENCE).until(condition);
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

}
