package dev.frontline.functions.identity;

import java.util.List;
import java.util.Set;

import dev.frontline.functions.identity.Caller.AuthMethod;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallerTests {

	private static final Caller ALICE = new Caller("alice", Set.of("b", "a"), null, AuthMethod.JWT, "r-1", "gw-1");

	private static final Caller NOBODY = new Caller("anonymous", Set.of(), null, AuthMethod.ANONYMOUS, "r-2", "gw-1");

	@Test
	void isTheCallerOfTheContextItIsReadIn() {
		StepVerifier.create(Caller.current().contextWrite(ALICE.asContext())).expectNext(ALICE).verifyComplete();
	}

	@Test
	void failsOutsideAVerifiedCall() {
		StepVerifier.create(Caller.current())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("must be part of the publisher a function returns"))
			.verify();
	}

	@Test
	void refusesAnAnonymousCallerWhereAUserIsNeeded() {
		assertThat(ALICE.requireAuthenticated()).isSameAs(ALICE);
		assertThatExceptionOfType(AuthenticationRequired.class).isThrownBy(NOBODY::requireAuthenticated)
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(401);
				assertThat(ex.getBody().getType()).hasToString("urn:frontline:problem:authentication-required");
			});
	}

	@Test
	void keepsItsScopesSortedAndUnchangeable() {
		assertThat(List.copyOf(ALICE.scopes())).containsExactly("a", "b");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> ALICE.scopes().add("c"));
	}

}
