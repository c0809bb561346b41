package dev.frontline.admin.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Html;
import dev.frontline.admin.Logins;
import dev.frontline.admin.snapshot.ConfigVersions;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.frontline.admin.Visitors.ADMIN;
import static dev.frontline.admin.Visitors.OPERATOR;
import static dev.frontline.admin.Visitors.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may see and do what on the console's pages: the same roles as on the API, login for
 * everything but the login page and the assets, and a CSRF token on every form.
 */
@ApiTest
class PageAccessTests {

	/** Every page, as a person navigates to it. */
	private static final List<String> PAGES = List.of("/", "/routes", "/routes/product", "/routes/new",
			"/routes/product/edit", "/routes/product/delete", "/releases", "/releases/new", "/config",
			"/config/versions/1", "/config/diff", "/config/rollback/1", "/api-keys", "/api-keys/abcdefabcdef/revoke",
			"/audit", "/overview/gateways", "/overview/releases", "/overview/traffic", "/triggers", "/triggers/new",
			"/triggers/any-trigger/edit", "/triggers/any-trigger/delete", "/dead-letters", "/dead-letters/redrive");

	/**
	 * Every form post that changes something, with a body its handler would take; new
	 * each time, since a request builder keeps what tests add to it.
	 */
	private static List<MockHttpServletRequestBuilder> changes() {
		return List.of(
				post("/routes").param("id", "refused-route")
					.param("path", "/api/refused")
					.param("stableUris", ApiTest.FUNCTIONS_URI)
					.param("stableFunction", "product"),
				post("/routes/json").param("json", "{}"), post("/routes/product").param("path", "/api/refused"),
				post("/routes/product/json").param("json", "{}"), post("/routes/product/delete"),
				post("/releases").param("routeId", "product"), post("/releases/1/pause"), post("/releases/1/resume"),
				post("/releases/1/promote"), post("/releases/1/abort"),
				post("/releases/1/weight").param("weight", "50"), post("/config/rollback/1"),
				post("/api-keys").param("client", "refused-app"), post("/api-keys/abcdefabcdef/revoke"),
				post("/triggers").param("id", "refused-trigger").param("cron", "@hourly").param("function", "report"),
				post("/triggers/any-trigger").param("cron", "@hourly").param("function", "report"),
				post("/triggers/any-trigger/enable"), post("/triggers/any-trigger/disable"),
				post("/triggers/any-trigger/delete"), post("/dead-letters/any-invocation/redrive"),
				post("/dead-letters/redrive"));
	}

	/** The pages that show the form of a change, which a viewer may not make. */
	private static final List<String> OPERATOR_FORMS = List.of("/routes/new", "/routes/product/edit",
			"/routes/product/delete", "/releases/new", "/config/rollback/1", "/triggers/new",
			"/triggers/any-trigger/edit", "/triggers/any-trigger/delete", "/dead-letters/redrive");

	/** The API key pages that change keys, for admins only. */
	private static final List<String> ADMIN_PAGES = List.of("/api-keys/abcdefabcdef/revoke");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ConfigVersions versions;

	@Test
	void sendsAnAnonymousVisitorOfEveryPageToTheLoginPage() throws Exception {
		List<String> pages = new ArrayList<>(PAGES);
		pages.addAll(List.of("/releases/1", "/releases/1/live", "/no-such-page"));
		for (String page : pages) {
			MvcResult result = this.mvc.perform(get(page).accept(MediaType.TEXT_HTML))
				.andExpect(status().isFound())
				.andReturn();
			assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/login");
		}
	}

	@Test
	void sendsAnAnonymousChangeToTheLoginPageAndChangesNothing() throws Exception {
		long before = this.versions.headVersion();
		for (MockHttpServletRequestBuilder change : changes()) {
			MvcResult result = this.mvc.perform(change.with(csrf())).andExpect(status().isFound()).andReturn();
			assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
		}
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void leavesTheLoginPageAndTheAssetsPublic() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk());
		for (String asset : List.of("/css/console.css", "/js/console.js", "/favicon.svg",
				"/webjars/htmx.org/dist/htmx.min.js", "/webjars/chart.js/dist/chart.umd.min.js")) {
			this.mvc.perform(get(asset)).andExpect(status().isOk());
		}
	}

	@Test
	void letsAViewerSeeEveryPageButTheFormsOfChanges() throws Exception {
		for (String page : PAGES) {
			int expected = (OPERATOR_FORMS.contains(page) || ADMIN_PAGES.contains(page)) ? 403 : 200;
			int status = this.mvc.perform(get(page).with(VIEWER)).andReturn().getResponse().getStatus();
			assertThat(status).as(page).isEqualTo(expected);
		}
	}

	@Test
	void refusesEveryChangeOfAViewerAndChangesNothing() throws Exception {
		long before = this.versions.headVersion();
		for (MockHttpServletRequestBuilder change : changes()) {
			this.mvc.perform(change.with(VIEWER).with(csrf())).andExpect(status().isForbidden());
		}
		assertThat(this.versions.headVersion()).isEqualTo(before);
		this.mvc.perform(get("/api/v1/triggers/refused-trigger").with(Logins.VIEWER)).andExpect(status().isNotFound());
	}

	@Test
	void keepsApiKeyChangesForAdminsAndShowsTheListToEveryone() throws Exception {
		for (String page : ADMIN_PAGES) {
			this.mvc.perform(get(page).with(OPERATOR)).andExpect(status().isForbidden());
		}
		this.mvc.perform(post("/api-keys").param("client", "operator-app").with(OPERATOR).with(csrf()))
			.andExpect(status().isForbidden());
		Document admin = Html.of(this.mvc.perform(get("/api-keys").with(ADMIN)).andExpect(status().isOk()));
		assertThat(admin.select("#api-key-form")).hasSize(1);
		for (var user : List.of(VIEWER, OPERATOR)) {
			Document list = Html.of(this.mvc.perform(get("/api-keys").with(user)).andExpect(status().isOk()));
			assertThat(list.select("#api-key-form")).isEmpty();
			assertThat(list.select("a[href*=/revoke]")).isEmpty();
		}
	}

	@Test
	void refusesAFormPostWithoutItsCsrfToken() throws Exception {
		long before = this.versions.headVersion();
		for (MockHttpServletRequestBuilder change : changes()) {
			this.mvc.perform(change.with(ADMIN)).andExpect(status().isForbidden());
		}
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void refusesMethodsNoPageTakes() throws Exception {
		this.mvc.perform(post("/audit").with(ADMIN).with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post("/").with(ADMIN).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void showsAViewerNoControlsThatChangeAnything() throws Exception {
		for (String page : List.of("/routes", "/routes/product", "/releases", "/config", "/config/versions/1",
				"/triggers", "/dead-letters", "/api-keys")) {
			Document html = Html.of(this.mvc.perform(get(page).with(VIEWER)).andExpect(status().isOk()));
			assertThat(html.select("form[method=post]").eachAttr("action")).as(page).containsExactly("/logout");
			assertThat(html.select("a[href]").eachAttr("href")).as(page)
				.noneMatch((href) -> href.endsWith("/edit") || href.endsWith("/delete") || href.endsWith("/new")
						|| href.contains("/releases/new") || href.contains("/rollback/") || href.contains("/api-keys/")
						|| href.contains("/redrive"));
		}
	}

	@Test
	void namesTheUserAndTheirRoleWithALogoutButton() throws Exception {
		Document html = Html.of(this.mvc.perform(get("/routes").with(OPERATOR)).andExpect(status().isOk()));
		assertThat(html.select(".session .user").text()).isEqualTo("operator");
		assertThat(html.select(".session .role").text()).isEqualTo("operator");
		assertThat(html.select("form[action=/logout] input[name=_csrf]").attr("value")).isNotBlank();
		assertThat(html.select("nav a").eachText()).contains("API keys");
	}

	@Test
	void guardsThePagesWithSecurityHeaders() throws Exception {
		this.mvc.perform(get("/routes").with(VIEWER))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")));
	}

	@Test
	void returnsToThePageAskedForAfterTheLoginButNotToAFragment() throws Exception {
		assertThat(loginAfter(get("/routes").accept(MediaType.TEXT_HTML))).startsWith("/routes");
		assertThat(loginAfter(get("/overview/gateways").header("HX-Request", "true").accept(MediaType.TEXT_HTML)))
			.isEqualTo("/");
	}

	/**
	 * Where the login sends a visitor whose anonymous request was sent to the login page.
	 */
	private String loginAfter(MockHttpServletRequestBuilder anonymous) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(anonymous.session(session)).andExpect(status().isFound());
		MvcResult login = this.mvc
			.perform(post("/login").param("username", "operator")
				.param("password", "operator")
				.session(session)
				.with(csrf()))
			.andExpect(status().isFound())
			.andReturn();
		String location = login.getResponse().getRedirectedUrl();
		return URI.create(location).getPath()
				+ ((URI.create(location).getQuery() != null) ? "?" + URI.create(location).getQuery() : "");
	}

}
