package dev.frontline.admin.deadletter;

import java.util.List;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.AsyncRuntimeStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.frontline.admin.Logins.ALICE;
import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dead letters API proxies the operator endpoints of the configured function
 * runtimes, with the control-plane token.
 */
@ApiTest
class DeadLetterApiTests extends TwoRuntimes {

	private static final String WARNING = "X-Frontline-Warning";

	@Autowired
	private MockMvc mvc;

	@Test
	void mergesTheDeadLettersOfEveryRuntimeNewestFirst() throws Exception {
		this.mvc.perform(get("/api/v1/dead-letters").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(WARNING))
			.andExpect(jsonPath("$[*].id", contains("second-1", "first-1")))
			.andExpect(jsonPath("$[*].runtime", contains(SECOND.uri(), FIRST.uri())))
			.andExpect(jsonPath("$[1].function").value("orderPlaced"))
			.andExpect(jsonPath("$[1].status").value("dead_lettered"))
			.andExpect(jsonPath("$[1].reason").value("retries_exhausted"))
			.andExpect(jsonPath("$[1].attempts").value(4))
			.andExpect(jsonPath("$[1].deadLetteredAt").value(EARLY.toString()))
			.andExpect(jsonPath("$[1].lastError.detail").value("orders timed out"))
			.andExpect(jsonPath("$[0].lastError").value("plain text error"))
			.andExpect(jsonPath("$[0].somethingNew").doesNotExist());
		assertThat(FIRST.requests("GET", "/async/dead-letters")).singleElement()
			.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + ApiTest.TOKEN));
	}

	@Test
	void asksEachRuntimeForTheLimitAndKeepsTheNewest() throws Exception {
		this.mvc.perform(get("/api/v1/dead-letters").param("limit", "1").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", contains("second-1")));
		assertThat(FIRST.requests("GET", "/async/dead-letters")).singleElement()
			.satisfies((request) -> assertThat(request.query()).isEqualTo("limit=1"));
	}

	@Test
	void listsWhatTheOtherRuntimesHoldWhenOneIsDown() throws Exception {
		SECOND.down();
		this.mvc.perform(get("/api/v1/dead-letters").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", contains("first-1")))
			.andExpect(header().string(WARNING, containsString("function runtime " + SECOND.uri() + " unreachable")))
			.andExpect(header().string(WARNING, containsString("its dead letters are not listed")));
	}

	@Test
	void answersBadGatewayNamingTheRuntimeWhenNoneCanBeReached() throws Exception {
		FIRST.down();
		SECOND.down();
		unreachable(this.mvc.perform(get("/api/v1/dead-letters").with(VIEWER)), FIRST);
	}

	@Test
	void showsOneDeadLetterWithItsInputFromTheRuntimeNamed() throws Exception {
		this.mvc.perform(get("/api/v1/dead-letters/second-1").param("runtime", SECOND.uri()).with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.runtime").value(SECOND.uri()))
			.andExpect(jsonPath("$.input.to").value("bob"))
			.andExpect(jsonPath("$.finishedAt").value(EARLY.plusSeconds(60).toString()));
		assertThat(FIRST.requests()).isEmpty();
	}

	@Test
	void asksTheFirstRuntimeWhenNoneIsNamed() throws Exception {
		this.mvc.perform(get("/api/v1/dead-letters/first-1").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.input.order").value(1));
	}

	@Test
	void answersNotFoundForAnInvocationTheRuntimeDoesNotHold() throws Exception {
		this.mvc.perform(get("/api/v1/dead-letters/first-1").param("runtime", SECOND.uri()).with(VIEWER))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:dead-letter-not-found"))
			.andExpect(jsonPath("$.detail", containsString(SECOND.uri())));
	}

	@Test
	void passesAnIdAsOnePathSegment() throws Exception {
		this.mvc.perform(get("/api/v1/dead-letters/{id}", "odd {id}?").with(VIEWER)).andExpect(status().isNotFound());
		assertThat(FIRST.requests()).extracting(AsyncRuntimeStub.Request::path)
			.containsExactly("/async/dead-letters/odd {id}?");
	}

	@Test
	void refusesARuntimeThatIsNotConfiguredWithoutCallingIt() throws Exception {
		AsyncRuntimeStub stranger = AsyncRuntimeStub.start(ApiTest.TOKEN);
		try (stranger) {
			invalid(this.mvc.perform(get("/api/v1/dead-letters/first-1").param("runtime", stranger.uri()).with(VIEWER)),
					"runtime");
			invalid(this.mvc
				.perform(post("/api/v1/dead-letters/first-1/redrive").param("runtime", stranger.uri()).with(OPERATOR)),
					"runtime");
			assertThat(stranger.requests()).isEmpty();
		}
	}

	@Test
	void refusesALimitOutOfRange() throws Exception {
		invalid(this.mvc.perform(get("/api/v1/dead-letters").param("limit", "0").with(VIEWER)), "limit");
		invalid(this.mvc.perform(get("/api/v1/dead-letters").param("limit", "501").with(VIEWER)), "limit");
	}

	@Test
	void redrivesOnTheRuntimeNamedWithTheTokenAndAuditsIt() throws Exception {
		this.mvc.perform(post("/api/v1/dead-letters/second-1/redrive").param("runtime", SECOND.uri()).with(ALICE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("second-1"))
			.andExpect(jsonPath("$.status").value("queued"))
			.andExpect(jsonPath("$.runtime").value(SECOND.uri()));
		assertThat(SECOND.requests("POST", "/async/dead-letters/second-1/redrive")).singleElement()
			.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + ApiTest.TOKEN));
		assertThat(FIRST.requests()).isEmpty();
		this.mvc.perform(get("/api/v1/audit").param("target", "dead-letter/second-1").with(VIEWER))
			.andExpect(jsonPath("$[0].action").value("dead-letter.redrive"))
			.andExpect(jsonPath("$[0].actor").value("alice"))
			.andExpect(jsonPath("$[0].detail").value("on " + SECOND.uri() + ": queued again, function mailSent"));
	}

	@Test
	void answersConflictWhenTheRuntimeRefusesToRedrive() throws Exception {
		FIRST.succeeded("done-1", "orderPlaced");
		this.mvc.perform(post("/api/v1/dead-letters/done-1/redrive").param("runtime", FIRST.uri()).with(OPERATOR))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:dead-letter-not-redrivable"))
			.andExpect(jsonPath("$.detail", containsString("is succeeded, not failed or dead-lettered")));
		this.mvc.perform(post("/api/v1/dead-letters/nobody/redrive").with(OPERATOR)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/audit").param("target", "dead-letter/done-1").with(VIEWER))
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void answersBadGatewayWhenTheRuntimeOfARedriveIsDown() throws Exception {
		FIRST.down();
		unreachable(this.mvc.perform(post("/api/v1/dead-letters/first-1/redrive").with(OPERATOR)), FIRST);
	}

	@Test
	void answersBadGatewayWhenTheRuntimeRefusesTheToken() throws Exception {
		SECOND.requiringToken("another-token");
		unreachable(this.mvc.perform(get("/api/v1/dead-letters/second-1").param("runtime", SECOND.uri()).with(VIEWER)),
				SECOND)
			.andExpect(jsonPath("$.detail", containsString("it answered 401: The control-plane token is missing")));
	}

	@Test
	void redrivesEveryDeadLetterOnEveryRuntimeAndAuditsEach() throws Exception {
		FIRST.deadLetter("first-2", "orderPlaced", EARLY, "{}", "null");
		this.mvc.perform(post("/api/v1/dead-letters/redrive").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(WARNING))
			.andExpect(jsonPath("$.redriven").value(3))
			.andExpect(jsonPath("$.runtimes[*].runtime", contains(FIRST.uri(), SECOND.uri())))
			.andExpect(jsonPath("$.runtimes[*].redriven", contains(2, 1)));
		assertThat(FIRST.requests("POST", "/async/dead-letters/redrive")).hasSize(1);
		assertThat(SECOND.requests("POST", "/async/dead-letters/redrive")).hasSize(1);
		this.mvc.perform(get("/api/v1/audit").param("action", "dead-letter.redrive-all").with(VIEWER))
			.andExpect(jsonPath("$[0].target").value("runtime/" + SECOND.uri()))
			.andExpect(jsonPath("$[0].detail").value("queued 1 dead letter again"))
			.andExpect(jsonPath("$[1].target").value("runtime/" + FIRST.uri()))
			.andExpect(jsonPath("$[1].detail").value("queued 2 dead letters again"))
			.andExpect(jsonPath("$[1].actor").value("operator"));
	}

	@Test
	void redrivesWhatItCanWhenARuntimeIsDown() throws Exception {
		SECOND.down();
		this.mvc.perform(post("/api/v1/dead-letters/redrive").with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(header().string(WARNING, containsString(SECOND.uri())))
			.andExpect(jsonPath("$.redriven").value(1))
			.andExpect(jsonPath("$.runtimes[1].redriven").doesNotExist())
			.andExpect(jsonPath("$.runtimes[1].error", containsString(SECOND.uri())));
		FIRST.down();
		unreachable(this.mvc.perform(post("/api/v1/dead-letters/redrive").with(OPERATOR)), FIRST);
	}

	@Test
	void letsAViewerReadButNotRedrive() throws Exception {
		for (String path : List.of("/api/v1/dead-letters/first-1/redrive", "/api/v1/dead-letters/redrive")) {
			this.mvc.perform(post(path).with(VIEWER))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("urn:frontline:problem:insufficient-role"));
		}
		assertThat(FIRST.requests()).isEmpty();
		assertThat(SECOND.requests()).isEmpty();
	}

	private static ResultActions unreachable(ResultActions result, AsyncRuntimeStub runtime) throws Exception {
		return result.andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:runtime-unreachable"))
			.andExpect(jsonPath("$.runtime").value(runtime.uri()))
			.andExpect(jsonPath("$.detail", containsString("Function runtime " + runtime.uri() + " cannot be used")));
	}

	private static void invalid(ResultActions result, String field) throws Exception {
		result.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

}
