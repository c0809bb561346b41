package dev.frontline.admin.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Html;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteRule;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Visitors.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The routes pages: the list and its filter, the form that creates and changes routes
 * with the API's checks and errors next to the inputs, the JSON form, and deleting.
 */
@ApiTest
class RoutePagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ConfigVersions versions;

	@Test
	void listsRoutesWithTheirPolicies() throws Exception {
		Document page = Html.of(this.mvc.perform(get("/routes").with(VIEWER)).andExpect(status().isOk()));
		assertThat(page.select("#route-product td").eachText()).contains("public", "default")
			.anySatisfy((cell) -> assertThat(cell).startsWith("/api/products/{id}"))
			.anySatisfy((cell) -> assertThat(cell).isEqualTo(ApiTest.FUNCTIONS_URI + " product"));
	}

	@Test
	void filtersRoutesByIdOrPath() throws Exception {
		Document byId = Html.of(this.mvc.perform(get("/routes").param("q", "PROD").with(VIEWER)));
		assertThat(byId.select("#route-table tbody tr").eachAttr("id")).contains("route-product")
			.doesNotContain("route-web-home");
		Document byPath = Html.of(this.mvc.perform(get("/routes").param("q", "/api/web").with(VIEWER)));
		assertThat(byPath.select("#route-table tbody tr").eachAttr("id")).contains("route-web-home")
			.doesNotContain("route-product");
		assertThat(byPath.select("#q").val()).isEqualTo("/api/web");
	}

	@Test
	void createsARouteFromTheFormThroughTheApisChecksAndAudit() throws Exception {
		long before = this.versions.headVersion();
		this.mvc
			.perform(form("/routes", "page-made", "description", "Made on the page", "authMode", "scopes", "scopes",
					"orders:read orders:write", "apiKeys", "true", "rateLimitKey", "client-ip", "rateLimitPermits",
					"10", "rateLimitPeriod", "1s", "rateLimitBurst", "20", "timeout", "3s")
				.param("methods", "POST"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/routes/page-made"))
			.andExpect(flash().attribute("notice", "Created route page-made; published as version " + (before + 1)))
			.andExpect(flash().attribute("warnings", List
				.of("function catalogue of " + ApiTest.FUNCTIONS_URI + " unreachable; composition not checked")));
		RouteRule route = this.versions.current().route("page-made").orElseThrow();
		assertThat(route.description()).isEqualTo("Made on the page");
		assertThat(route.match().methods()).containsExactly("GET", "POST");
		assertThat(route.auth().scopes()).containsExactly("orders:read", "orders:write");
		assertThat(route.auth().apiKeys()).isTrue();
		assertThat(route.rateLimit().burst()).isEqualTo(20);
		assertThat(this.versions.current().createdBy()).isEqualTo("operator");
		String audit = this.mvc.perform(get("/api/v1/audit?target=route/page-made").with(OPERATOR))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(audit, "$[*].action")).containsExactly("route.create");
		assertThat(JsonPath.<List<String>>read(audit, "$[*].actor")).containsExactly("operator");
	}

	@Test
	void showsEveryFieldErrorNextToItsInputAndChangesNothing() throws Exception {
		long before = this.versions.headVersion();
		Document page = Html.of(
				this.mvc
					.perform(post("/routes").param("id", "Bad Id")
						.param("path", "api/no-leading-slash")
						.param("authMode", "scopes")
						.param("stableUris", "not-a-uri")
						.param("stableFunction", "no spaces")
						.with(operator())
						.with(csrf()))
					.andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(page, "id")).singleElement().asString().startsWith("must be lower-case letters");
		assertThat(Html.errorsNextTo(page, "path"))
			.containsExactly("must be a path pattern such as /api/products/{id}");
		assertThat(Html.errorsNextTo(page, "scopes"))
			.containsExactly("must name at least one scope when the mode is 'scopes'");
		assertThat(Html.errorsNextTo(page, "stableUris"))
			.containsExactly("must be an absolute http(s) URI such as http://localhost:8090 (stable.uris[0])");
		assertThat(Html.errorsNextTo(page, "stableFunction")).isNotEmpty();
		assertThat(page.select(".form-errors").text()).contains("The route was not saved");
		assertThat(page.select("#path").val()).as("the input is kept").isEqualTo("api/no-leading-slash");
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void showsAValueTheFormCannotReadNextToItsInput() throws Exception {
		long before = this.versions.headVersion();
		Document page = Html.of(
				this.mvc
					.perform(form("/routes", "unreadable", "order", "first", "timeout", "soon", "rateLimitKey", "user",
							"rateLimitPermits", "many"))
					.andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(page, "order")).containsExactly("must be a whole number");
		assertThat(Html.errorsNextTo(page, "timeout"))
			.containsExactly("must be a duration such as 500ms, 5s, 2m or PT5S");
		assertThat(Html.errorsNextTo(page, "rateLimitPermits")).containsExactly("must be a whole number");
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void showsConflictsWithOtherRoutesNextToTheirInputs() throws Exception {
		this.mvc.perform(form("/routes", "shadow-first")).andExpect(status().isFound());
		Document page = Html.of(this.mvc.perform(form("/routes", "shadow-second", "path", "/api/pages/shadow-first"))
			.andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(page, "path")).singleElement().asString().contains("'shadow-first'");
		Document exists = Html.of(this.mvc.perform(form("/routes", "shadow-first")).andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(exists, "id")).singleElement().asString().contains("exists already");
	}

	@Test
	void changesARouteAndKeepsWhatTheFormDoesNotShow() throws Exception {
		this.mvc.perform(post("/api/v1/routes").with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("""
				{"id": "page-edited", "match": {"path": "/api/pages/edited", "hosts": ["shop.example.com"]},
				 "retry": {"attempts": 2, "backoff": "50ms"},
				 "stable": {"uris": ["%s"], "function": "product"}}""".formatted(ApiTest.FUNCTIONS_URI)))
			.andExpect(status().isCreated());
		Document edit = Html.of(this.mvc.perform(get("/routes/page-edited/edit").with(operator())));
		assertThat(edit.select("#path").val()).isEqualTo("/api/pages/edited");
		assertThat(edit.select("#id").hasAttr("readonly")).isTrue();
		assertThat(edit.select("#json").text()).contains("shop.example.com");

		this.mvc.perform(form("/routes/page-edited", "ignored-id", "path", "/api/pages/edited/v2"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/routes/page-edited"));
		RouteRule route = this.versions.current().route("page-edited").orElseThrow();
		assertThat(route.match().path()).isEqualTo("/api/pages/edited/v2");
		assertThat(route.match().hosts()).containsExactly("shop.example.com");
		assertThat(route.retry().attempts()).isEqualTo(2);
		assertThat(this.versions.current().route("ignored-id")).isEmpty();
	}

	@Test
	void writesTheWholeRuleFromJsonWithTheApisErrors() throws Exception {
		long before = this.versions.headVersion();
		Document malformed = Html.of(
				this.mvc
					.perform(post("/routes/json").param("json", "{\"id\": \"page-json\", \"order\": \"first\"}")
						.with(operator())
						.with(csrf()))
					.andExpect(status().isOk()));
		assertThat(malformed.select("details.advanced").hasAttr("open")).isTrue();
		assertThat(malformed.select("details.advanced .form-errors li").eachText())
			.containsExactly("order: must be a whole number");
		Document invalid = Html
			.of(this.mvc
				.perform(post("/routes/json").param("json", "{\"id\": \"page-json\", \"match\": {\"path\": \"nope\"}}")
					.with(operator())
					.with(csrf()))
				.andExpect(status().isOk()));
		assertThat(invalid.select("details.advanced .form-errors li").eachText())
			.contains("match.path: must be a path pattern such as /api/products/{id}");
		assertThat(this.versions.headVersion()).isEqualTo(before);

		this.mvc
			.perform(
					post("/routes/json")
						.param("json",
								"""
										{"id": "page-json", "match": {"path": "/api/pages/json"}, "cors": {"allowedOrigins": ["https://shop.example.com"]},
										 "stable": {"uris": ["%s"], "function": "product"}}"""
									.formatted(ApiTest.FUNCTIONS_URI))
						.with(operator())
						.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/routes/page-json"));
		assertThat(this.versions.current().route("page-json").orElseThrow().cors()).isNotNull();
		this.mvc
			.perform(
					post("/routes/page-json/json")
						.param("json",
								"""
										{"match": {"path": "/api/pages/json/v2"}, "stable": {"uris": ["%s"], "function": "product"}}"""
									.formatted(ApiTest.FUNCTIONS_URI))
						.with(operator())
						.with(csrf()))
			.andExpect(status().isFound());
		RouteRule replaced = this.versions.current().route("page-json").orElseThrow();
		assertThat(replaced.match().path()).isEqualTo("/api/pages/json/v2");
		assertThat(replaced.cors()).isNull();
	}

	@Test
	void deletesARouteAfterAConfirmation() throws Exception {
		this.mvc.perform(form("/routes", "page-deleted")).andExpect(status().isFound());
		Document confirm = Html
			.of(this.mvc.perform(get("/routes/page-deleted/delete").with(operator())).andExpect(status().isOk()));
		assertThat(confirm.select("h1").text()).isEqualTo("Delete route page-deleted?");
		assertThat(confirm.select("form[method=post]").eachAttr("action")).contains("/routes/page-deleted/delete");
		assertThat(this.versions.current().route("page-deleted")).isPresent();

		this.mvc.perform(post("/routes/page-deleted/delete").with(operator()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/routes"));
		assertThat(this.versions.current().route("page-deleted")).isEmpty();
	}

	@Test
	void refusesToDeleteARouteWhileItsReleaseIsActive() throws Exception {
		this.mvc.perform(form("/routes", "page-released")).andExpect(status().isFound());
		String release = this.mvc
			.perform(post("/api/v1/releases").with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("""
					{"routeId": "page-released", "canary": {"uris": ["http://127.0.0.1:2"], "function": "product"},
					 "steps": [10, 100], "interval": "1h"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = JsonPath.<Number>read(release, "$.id").longValue();
		try {
			long before = this.versions.headVersion();
			Document refused = Html
				.of(this.mvc.perform(post("/routes/page-released/delete").with(operator()).with(csrf()))
					.andExpect(status().isOk()));
			assertThat(refused.select(".notice.error").text()).contains("Cannot delete route 'page-released'");
			assertThat(this.versions.headVersion()).isEqualTo(before);
			Document route = Html.of(this.mvc.perform(get("/routes/page-released").with(VIEWER)));
			assertThat(route.select(".notice.warning").text()).contains("is active on this route");
		}
		finally {
			// A release left active would be aborted by the rollback of another test.
			this.mvc.perform(post("/api/v1/releases/" + id + "/abort").with(OPERATOR)).andExpect(status().isOk());
		}
	}

	@Test
	void answersAnUnknownRouteWithTheErrorPage() throws Exception {
		Document page = Html
			.of(this.mvc.perform(get("/routes/no-such-route").with(VIEWER)).andExpect(status().isNotFound()));
		assertThat(page.select("#problem-detail").text())
			.isEqualTo("No route with id 'no-such-route' in the current config");
	}

	@Test
	void showsADescriptionWithMarkupAsText() throws Exception {
		String script = "<script>alert(1)</script>";
		this.mvc.perform(form("/routes", "page-escaped", "description", script)).andExpect(status().isFound());
		for (String path : List.of("/routes", "/routes/page-escaped", "/routes/page-escaped/edit")) {
			MvcResult result = this.mvc.perform(get(path).with(operator())).andExpect(status().isOk()).andReturn();
			String html = result.getResponse().getContentAsString();
			assertThat(html).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(script);
			assertThat(Html.of(result).select("script").eachAttr("src")).as(path).allMatch((src) -> !src.isEmpty());
		}
		ConfigSnapshot current = this.versions.current();
		assertThat(current.route("page-escaped").orElseThrow().description()).isEqualTo(script);
	}

	/**
	 * A post of the route form with a valid route under the given id, but for the given
	 * fields, named and valued in turn.
	 */
	private static MockHttpServletRequestBuilder form(String path, String id, String... fields) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("id", id);
		values.put("path", "/api/pages/" + id);
		values.put("methods", "GET");
		values.put("authMode", "public");
		values.put("stableUris", ApiTest.FUNCTIONS_URI);
		values.put("stableFunction", "product");
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(path).with(operator()).with(csrf());
		values.forEach((name, value) -> request.param(name, value));
		return request;
	}

	private static RequestPostProcessor operator() {
		return user("operator").roles("OPERATOR");
	}

}
