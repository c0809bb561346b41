package dev.frontline.admin.catalogue;

import java.util.ArrayList;
import java.util.List;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.frontline.admin.Logins.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Route writes and rollbacks check their function compositions against a function
 * runtime's catalogue.
 */
@ApiTest
class CompositionApiTests {

	private static final String WARNING = "X-Frontline-Warning";

	private static FunctionRuntimeStub runtime;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ConfigVersions versions;

	@Autowired
	private SnapshotPublisher publisher;

	@BeforeAll
	static void startRuntime() throws Exception {
		runtime = FunctionRuntimeStub.start();
	}

	@AfterAll
	static void stopRuntime() {
		runtime.close();
	}

	@Test
	void acceptsARouteWhoseCompositionFitsTheCatalogue() throws Exception {
		create(route("fits", runtime.uri(), "homePage|mobileView")).andExpect(status().isCreated())
			.andExpect(header().doesNotExist(WARNING))
			.andExpect(jsonPath("$.stable.function").value("homePage|mobileView"));
	}

	@Test
	void refusesAnUnknownFunctionNamingItTheFieldAndTheKnownOnes() throws Exception {
		long before = this.versions.headVersion();
		invalid(create(route("typo", runtime.uri(), "homePag|mobileView")))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("stable.function"))
			.andExpect(jsonPath("$.errors[0].message",
					containsString("function 'homePag' is not in the catalogue of " + runtime.uri())))
			.andExpect(jsonPath("$.errors[0].message", containsString("known: cart, homePage, mobileView")));
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void refusesAFunctionWhoseOutputTheNextDoesNotTake() throws Exception {
		long before = this.versions.headVersion();
		invalid(create(route("mismatch", runtime.uri(), "mobileView|homePage")))
			.andExpect(jsonPath("$.errors[0].field").value("stable.function"))
			.andExpect(jsonPath("$.errors[0].message").value(
					"function 'mobileView' answers MobileHome, which function 'homePage' does not take: it takes CallerQuery"));
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void checksTheCanaryTarget() throws Exception {
		String body = route("canary-typo", runtime.uri(), "homePage|webView").replaceFirst("}\\s*$",
				", \"canary\": {\"target\": {\"uris\": [\"" + runtime.uri()
						+ "\"], \"function\": \"homePage|webVeiw\"}, \"weight\": 10}}");
		invalid(create(body)).andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("canary.target.function"))
			.andExpect(jsonPath("$.errors[0].message", containsString("'webVeiw'")));
	}

	@Test
	void reportsCompositionErrorsTogetherWithTheOtherFieldErrors() throws Exception {
		String body = route("two-problems", runtime.uri(), "cartt").replace("/api/composition/two-problems",
				"no-slash");
		invalid(create(body)).andExpect(jsonPath("$.detail").value("2 fields are invalid"))
			.andExpect(jsonPath("$.errors[0].field").value("match.path"))
			.andExpect(jsonPath("$.errors[1].field").value("stable.function"));
	}

	@Test
	void checksAnUpdate() throws Exception {
		create(route("updated", runtime.uri(), "product")).andExpect(status().isCreated());
		long before = this.versions.headVersion();
		invalid(this.mvc.perform(put("/api/v1/routes/updated").with(OPERATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content(route("updated", runtime.uri(), "products"))))
			.andExpect(jsonPath("$.errors[0].field").value("stable.function"));
		assertThat(this.versions.headVersion()).isEqualTo(before);
		assertThat(this.versions.current().route("updated").orElseThrow().stable().function()).isEqualTo("product");
	}

	@Test
	void acceptsWithAWarningWhenTheRuntimeIsDown() throws Exception {
		long before = this.versions.headVersion();
		create(route("runtime-down", ApiTest.FUNCTIONS_URI, "anything|atAll")).andExpect(status().isCreated())
			.andExpect(header().string("X-Config-Version", String.valueOf(before + 1)))
			.andExpect(header().string(WARNING,
					"function catalogue of " + ApiTest.FUNCTIONS_URI + " unreachable; composition not checked"));
	}

	@Test
	void refusesARollbackToRoutesThatNoLongerFit() throws Exception {
		RouteRule retired = RouteRule.of("retired-function", RouteMatch.of("/api/composition/retired", "GET"),
				Target.of(runtime.uri(), "retiredFunction"));
		// Published as if the function had existed then; the check only guards writes.
		ConfigSnapshot target = this.publisher.publish("tester", "add retired-function", (current) -> {
			List<RouteRule> routes = new ArrayList<>(current.routes());
			routes.add(retired);
			return routes;
		}).orElseThrow();
		this.mvc.perform(delete("/api/v1/routes/retired-function").with(OPERATOR)).andExpect(status().isNoContent());
		long before = this.versions.headVersion();
		int index = target.routes().indexOf(retired);
		this.mvc.perform(post("/api/v1/config/rollback/" + target.version()).with(OPERATOR))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:invalid-snapshot"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("routes[" + index + "].stable.function"))
			.andExpect(jsonPath("$.errors[0].message", containsString("'retiredFunction'")));
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void rollsBackWithAWarningWhenARuntimeIsDown() throws Exception {
		create(route("rollback-down", ApiTest.FUNCTIONS_URI, "product")).andExpect(status().isCreated());
		long target = this.versions.headVersion();
		this.mvc.perform(post("/api/v1/config/rollback/" + target).with(OPERATOR))
			.andExpect(status().isCreated())
			.andExpect(header().stringValues(WARNING, hasItem(
					"function catalogue of " + ApiTest.FUNCTIONS_URI + " unreachable; composition not checked")));
	}

	private ResultActions create(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/routes").with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static ResultActions invalid(ResultActions result) throws Exception {
		return result.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:invalid-route"))
			.andExpect(header().doesNotExist(WARNING));
	}

	static String route(String id, String uri, String function) {
		return """
				{"id": "%s", "match": {"path": "/api/composition/%s", "methods": ["GET"]},
				 "stable": {"uris": ["%s"], "function": "%s"}}""".formatted(id, id, uri, function);
	}

}
