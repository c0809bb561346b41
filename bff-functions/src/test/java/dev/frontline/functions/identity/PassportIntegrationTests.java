package dev.frontline.functions.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.frontline.functions.RunningFunctions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class PassportIntegrationTests extends RunningFunctions {

	@LocalManagementPort
	private int managementPort;

	@Test
	void servesACallWithAValidPassport() {
		call("profile", "{}", Passports.DEV.user("alice").sign()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("alice");
	}

	@Test
	void acceptsPassportsSignedWithEitherTrustedKey() {
		call("profile", "{}", Passports.DEV.user("alice").sign()).expectStatus().isOk();
		call("profile", "{}", Passports.NEXT.user("bob").sign()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("bob");
	}

	@Test
	void refusesACallWithoutAPassport() {
		for (String definition : List.of("product", "homePage,mobileView", "nothing")) {
			call(definition, "{\"id\":\"p1\"}", null).expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.valueEquals("WWW-Authenticate", "Passport realm=\"frontline-functions\"")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:frontline:problem:passport-required")
				.jsonPath("$.title")
				.isEqualTo("Passport required")
				.jsonPath("$.status")
				.isEqualTo(401);
		}
		call("product", "{\"id\":\"p1\"}", "").expectStatus().isUnauthorized();
	}

	@Test
	void refusesInvalidPassports() {
		Map<String, String> passports = Map.of("signed with another key", Passports.STRANGER.user("alice").sign(),
				"expired", Passports.DEV.user("alice").issuedAt(Instant.now().minusSeconds(120)).sign(),
				"for another audience", Passports.DEV.user("alice").audience("admin-console").sign(),
				"signed with an unknown key", Passports.DEV.user("alice").keyId("retired").sign(), "unsigned",
				Passports.DEV.user("alice").unsigned(), "signed with a secret",
				Passports.DEV.user("alice").signWithHmac("frontline-local-development-secret-do-not-use-in-prod"),
				"garbage", "not-a-passport", "not base64", "%%%.%%%.%%%");
		passports.forEach((what, passport) -> call("product", "{\"id\":\"p1\"}", passport).expectStatus()
			.value((status) -> assertThat(status).as(what).isEqualTo(401))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:passport-invalid")
			.jsonPath("$.detail")
			.isNotEmpty());
	}

	@Test
	void refusesACallWithTwoPassports() {
		client().post()
			.uri("/product")
			.contentType(MediaType.APPLICATION_JSON)
			.header(PASSPORT, Passports.DEV.anonymous().sign(), Passports.DEV.user("admin").sign())
			.bodyValue("{\"id\":\"p1\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:frontline:problem:passport-invalid");
	}

	@Test
	void checksThePassportBeforeTheRequest() {
		call("product", "{\"id\":", null).expectStatus().isUnauthorized();
		client().get().uri("/product").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void leavesTheCatalogueOpen() {
		client().get()
			.uri("/functions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(7);
	}

	@Test
	void leavesTheManagementServerAlone() {
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.build();
		management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		management.get()
			.uri("/actuator/prometheus")
			.header(PASSPORT, "garbage")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_"));
	}

}
