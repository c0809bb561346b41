package dev.frontline.functions.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.frontline.functions.FunctionDescription;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions that read {@link Caller#current()}, invoked over HTTP by Spring Cloud
 * Function's controller, see the caller of the passport.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class CallerIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void givesAFunctionTheCallerThePassportNames() {
		String passport = Passports.DEV.user("alice", "orders:read", "cart:write")
			.claim("client_id", "mobile-app")
			.claim("rid", "req-7")
			.claim("gid", "gateway-b")
			.sign();
		call("whoAmI", passport).expectStatus().isOk().expectBody().json("""
				{"subject":"alice","scopes":["cart:write","orders:read"],"clientId":"mobile-app",
				 "authMethod":"jwt","requestId":"req-7","gatewayId":"gateway-b","anonymous":false}""", true);
	}

	@Test
	void givesAnAnonymousCallerToo() {
		call("whoAmI", Passports.DEV.anonymous().sign()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo("anonymous")
			.jsonPath("$.authMethod")
			.isEqualTo("anonymous")
			.jsonPath("$.anonymous")
			.isEqualTo(true)
			.jsonPath("$.clientId")
			.doesNotExist();
	}

	@Test
	void givesEachFunctionOfACompositionTheCaller() {
		call("whoAmI,stamp", Passports.DEV.user("carol").sign()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo("carol")
			.jsonPath("$.requestId")
			.isEqualTo("req-1 seen by carol");
	}

	@Test
	void givesTheCallerToAFunctionThatAnswersWithAFlux() {
		call("scopes", Passports.DEV.user("dave", "b", "a").sign()).expectStatus()
			.isOk()
			.expectBody()
			.json("[\"a\",\"b\"]", true);
	}

	@Test
	void keepsConcurrentCallersApart() {
		List<String> subjects = Flux.range(0, 40)
			.flatMap((i) -> Mono
				.fromCallable(() -> call("whoAmI", Passports.DEV.user("user-" + i).sign()).expectBody(CallerView.class)
					.returnResult()
					.getResponseBody())
				.subscribeOn(Schedulers.boundedElastic())
				.map((view) -> view.subject() + "/" + i))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(subjects).hasSize(40)
			.allSatisfy((entry) -> assertThat(entry.split("/")[0]).isEqualTo("user-" + entry.split("/")[1]));
	}

	private WebTestClient.ResponseSpec call(String definition, String passport) {
		return WebTestClient.bindToServer()
			.build()
			.post()
			.uri(URI.create("http://localhost:" + this.port + "/" + definition))
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Frontline-Passport", passport)
			.bodyValue("{}")
			.exchange();
	}

	record Nothing() {

	}

	/**
	 * A caller as JSON.
	 */
	record CallerView(String subject, List<String> scopes, @Nullable String clientId, String authMethod,
			String requestId, String gatewayId, boolean anonymous) {

		static CallerView of(Caller caller) {
			return new CallerView(caller.subject(), List.copyOf(caller.scopes()), caller.clientId(),
					caller.authMethod().claim(), caller.requestId(), caller.gatewayId(), caller.isAnonymous());
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CallerFunctions {

		@Bean
		@FunctionDescription("The caller as the function sees it.")
		Function<Nothing, Mono<CallerView>> whoAmI() {
			// A hop to another thread on the way, as a backend call would make.
			return (input) -> Mono.delay(Duration.ofMillis(5)).then(Caller.current()).map(CallerView::of);
		}

		@Bean
		@FunctionDescription("Marks a caller view with who saw it.")
		Function<CallerView, Mono<CallerView>> stamp() {
			return (view) -> Caller.current()
				.map((caller) -> new CallerView(view.subject(), view.scopes(), view.clientId(), view.authMethod(),
						view.requestId() + " seen by " + caller.subject(), view.gatewayId(), view.anonymous()));
		}

		@Bean
		@FunctionDescription("The caller's scopes, one by one.")
		Function<Nothing, Flux<String>> scopes() {
			return (input) -> Caller.current().flatMapIterable(Caller::scopes);
		}

	}

}
