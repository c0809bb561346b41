package dev.frontline.functions.web;

import java.util.List;

import dev.frontline.functions.RunningFunctions;
import dev.frontline.functions.identity.Passports;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class FunctionCatalogueIntegrationTests extends RunningFunctions {

	@LocalManagementPort
	private int managementPort;

	@Test
	void listsTheSevenFunctionsSortedByNameWithTheirTypes() {
		client().get()
			.uri("/functions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(7)
			.jsonPath("$[*].name")
			.isEqualTo(List.of("cart", "homePage", "mobileView", "product", "profile", "recommendations", "webView"))
			.jsonPath("$[1].inputType")
			.isEqualTo("CallerQuery")
			.jsonPath("$[1].outputType")
			.isEqualTo("HomePage")
			.jsonPath("$[1].description")
			.isEqualTo("The caller's profile, recommendations and cart, fetched in parallel; "
					+ "answers without recommendations or cart, naming them in 'missing', when they fail. "
					+ "Requires an authenticated caller.")
			.jsonPath("$[1].inputJavaType")
			.isEqualTo("dev.frontline.functions.storefront.CallerQuery")
			.jsonPath("$[1].outputJavaType")
			.isEqualTo("dev.frontline.functions.storefront.HomePage")
			.jsonPath("$[1].acceptsAnyInput")
			.isEqualTo(false)
			.jsonPath("$[2].inputJavaType")
			.isEqualTo("dev.frontline.functions.storefront.HomePage")
			.jsonPath("$[2].inputType")
			.isEqualTo("HomePage")
			.jsonPath("$[2].outputType")
			.isEqualTo("MobileHome")
			.jsonPath("$[3].inputType")
			.isEqualTo("ProductQuery");
	}

	@Test
	void refusesBeansThatAreNotPublishedFunctions() {
		for (String name : List.of("functionRouter", "storefront", "backendClients", "functionCatalogue")) {
			call(name, "{}").expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:frontline:problem:function-not-found");
		}
	}

	@Test
	void refusesCompositionsWithAnUnknownFunction() {
		call("homePage,nothing", "{\"user\":\"alice\"}").expectStatus().isNotFound();
	}

	@Test
	void refusesCompositionsWhoseTypesDoNotFit() {
		call("mobileView,homePage", "{}").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo(
					"No function 'mobileView,homePage': mobileView answers MobileHome, which homePage does not take");
	}

	@Test
	void answersFunctionsOnlyToPost() {
		client().get()
			.uri("/profile")
			.header(PASSPORT, Passports.DEV.user("alice").sign())
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals("Allow", "POST")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:method-not-allowed");
	}

	@Test
	void refusesMalformedJson() {
		call("profile", "{\"user\":").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:malformed-request")
			.jsonPath("$.detail")
			.isEqualTo("The request body is not valid JSON: it ends before the JSON does")
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@Test
	void refusesAJsonValueThatIsNotAnObject() {
		call("profile", "\"alice\"").expectStatus().isBadRequest();
		call("profile", "[1,2]").expectStatus().isBadRequest();
	}

	@Test
	void namesEachMissingField() {
		call("product", "{}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("id")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must not be blank");
		call("mobileView", "{\"user\":\"alice\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("cart", "profile", "recommendations"));
	}

	@Test
	void namesAFieldOfTheWrongType() {
		call("product", "{\"id\":{\"id\":1}}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("id")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be a string");
	}

	@Test
	void refusesBodiesThatAreNotJson() {
		client().post()
			.uri("/profile")
			.header(PASSPORT, Passports.DEV.user("alice").sign())
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("alice")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:unsupported-media-type");
	}

	@Test
	void doesNotEchoRequestHeaders() {
		client().post()
			.uri("/profile")
			.contentType(MediaType.APPLICATION_JSON)
			.header(PASSPORT, Passports.DEV.user("alice").sign())
			.header("Authorization", "Bearer secret")
			.header("X-Request-Id", "abc")
			.bodyValue("{\"user\":\"alice\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Authorization")
			.expectHeader()
			.doesNotExist("uri")
			.expectHeader()
			.doesNotExist("X-Request-Id")
			.expectHeader()
			.doesNotExist(PASSPORT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON);
	}

	@Test
	void leavesTheManagementServerAlone() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.build()
			.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

}
