package dev.frontline.functions.identity;

import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.frontline.functions.identity.Caller.AuthMethod;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PassportVerifierTests {

	private final PassportVerifier verifier = new PassportVerifier(
			keys(Map.of("frontline-dev", "classpath:passport/dev-public-key.pem", "next",
					"classpath:passport/next-public-key.pem")),
			"frontline-functions", Duration.ofSeconds(5), Clock.systemUTC());

	@Test
	void readsTheCallerFromAValidPassport() {
		String passport = Passports.DEV.user("alice", "cart:write", "catalog:read")
			.claim("client_id", "mobile-app")
			.claim("rid", "r-42")
			.claim("gid", "gateway-a")
			.sign();
		Caller caller = this.verifier.verify(passport);
		assertThat(caller.subject()).isEqualTo("alice");
		assertThat(caller.scopes()).containsExactly("cart:write", "catalog:read");
		assertThat(caller.clientId()).isEqualTo("mobile-app");
		assertThat(caller.authMethod()).isEqualTo(AuthMethod.JWT);
		assertThat(caller.requestId()).isEqualTo("r-42");
		assertThat(caller.gatewayId()).isEqualTo("gateway-a");
		assertThat(caller.isAnonymous()).isFalse();
		assertThat(caller.hasScope("catalog:read")).isTrue();
		assertThat(caller.hasScope("catalog")).isFalse();
	}

	@Test
	void takesTheRequestIdFromTheRequestWhenThePassportNamesNone() {
		String passport = Passports.DEV.user("alice").claim("rid", null).sign();
		assertThat(this.verifier.verify(passport, "req-9").requestId()).isEqualTo("req-9");
		assertThat(this.verifier.verify(passport, "req-10").requestId()).isEqualTo("req-10");
		assertThat(this.verifier.verify(passport, null).requestId()).isEqualTo("none");
	}

	@Test
	void remembersAVerifiedPassportButStillRefusesItOnceExpired() {
		MutableClock clock = new MutableClock(Instant.now());
		PassportVerifier verifier = new PassportVerifier(
				keys(Map.of("frontline-dev", "classpath:passport/dev-public-key.pem")), "frontline-functions",
				Duration.ofSeconds(5), clock);
		String passport = Passports.DEV.user("alice").issuedAt(clock.instant()).lifetime(Duration.ofSeconds(30)).sign();
		assertThat(verifier.verify(passport, "a").subject()).isEqualTo("alice");
		clock.advance(Duration.ofSeconds(20));
		assertThat(verifier.verify(passport, "b").subject()).isEqualTo("alice");
		clock.advance(Duration.ofSeconds(20));
		assertThatExceptionOfType(PassportInvalid.class).isThrownBy(() -> verifier.verify(passport, "c"))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).startsWith("The passport expired at "));
	}

	@Test
	void readsAnAnonymousCallerWithNoScopesAndNoClient() {
		Caller caller = this.verifier.verify(Passports.DEV.anonymous().sign());
		assertThat(caller.isAnonymous()).isTrue();
		assertThat(caller.scopes()).isEmpty();
		assertThat(caller.clientId()).isNull();
	}

	@Test
	void readsAnApiKeyCaller() {
		Caller caller = this.verifier.verify(Passports.DEV.user("partner-app").claim("auth", "api-key").sign());
		assertThat(caller.authMethod()).isEqualTo(AuthMethod.API_KEY);
		assertThat(caller.isAnonymous()).isFalse();
	}

	@Test
	void acceptsEveryConfiguredKey() {
		assertThat(this.verifier.verify(Passports.NEXT.user("bob").sign()).subject()).isEqualTo("bob");
	}

	@Test
	void acceptsAPassportThatExpiredWithinTheClockSkew() {
		String passport = Passports.DEV.user("alice")
			.issuedAt(Instant.now().minusSeconds(33))
			.lifetime(Duration.ofSeconds(30))
			.sign();
		assertThat(this.verifier.verify(passport).subject()).isEqualTo("alice");
	}

	@Test
	void rejectsAnExpiredPassport() {
		String passport = Passports.DEV.user("alice").issuedAt(Instant.now().minusSeconds(60)).sign();
		assertRejected(passport, "The passport expired at ");
	}

	@Test
	void rejectsAPassportIssuedInTheFuture() {
		String passport = Passports.DEV.user("alice").issuedAt(Instant.now().plusSeconds(60)).sign();
		assertRejected(passport, "The passport is issued in the future");
	}

	@Test
	void rejectsAPassportSignedWithAnotherKey() {
		assertRejected(Passports.STRANGER.user("alice").sign(),
				"The passport's signature does not match key 'frontline-dev'");
	}

	@Test
	void rejectsAPassportSignedWithAnUnknownKey() {
		assertRejected(Passports.DEV.user("alice").keyId("retired").sign(),
				"The passport is signed with key 'retired', which this runtime does not trust");
	}

	@Test
	void rejectsAPassportForAnotherAudience() {
		assertRejected(Passports.DEV.user("alice").audience("admin-console").sign(),
				"The passport is not meant for frontline-functions");
	}

	@Test
	void acceptsAPassportForSeveralAudiencesIncludingThisOne() {
		String passport = Passports.DEV.user("alice").audience("admin-console", "frontline-functions").sign();
		assertThat(this.verifier.verify(passport).subject()).isEqualTo("alice");
	}

	@Test
	void rejectsAPassportFromAnotherIssuer() {
		assertRejected(Passports.DEV.user("alice").issuer("frontline-local").sign(),
				"The passport is not issued by frontline-gateway");
	}

	@Test
	void rejectsAnUnsignedPassport() {
		assertRejected(Passports.DEV.user("alice").unsigned(), "The passport is not a well-formed signed JWT");
	}

	@Test
	void rejectsAPassportSignedWithAnotherAlgorithm() {
		assertRejected(
				Passports.DEV.user("alice").signWithHmac("frontline-local-development-secret-do-not-use-in-prod"),
				"The passport is signed with HS256; only ES256 is accepted");
	}

	@Test
	void rejectsGarbage() {
		for (String garbage : List.of("", "garbage", "a.b.c", "e30.e30.AAAA", "...")) {
			assertRejected(garbage, "The passport is not a well-formed signed JWT");
		}
		assertRejected("eyJhbGciOiJFUzI1NiJ9.e30.AAAA", "The passport does not name its key (kid)");
	}

	@Test
	void rejectsAPassportWithClaimsOfTheWrongType() {
		assertRejected(Passports.DEV.user("alice").claim("scope", List.of("a", "b")).sign(),
				"The passport is not a well-formed signed JWT");
		assertRejected(Passports.DEV.user("alice").claim("aud", 42).sign(),
				"The passport is not meant for frontline-functions");
		assertRejected(Passports.DEV.user("alice").claim("nbf", "tomorrow").sign(),
				"The passport is not a well-formed signed JWT");
	}

	@Test
	void rejectsAPassportWithoutASubject() {
		assertRejected(Passports.DEV.user("alice").claim("sub", null).sign(), "The passport has no 'sub' claim");
	}

	@Test
	void rejectsAPassportWithAnUnknownAuthenticationMethod() {
		assertRejected(Passports.DEV.user("alice").claim("auth", "magic").sign(),
				"The passport names an unknown authentication method 'magic'");
	}

	@Test
	void rejectsAPassportThatClaimsATimerCaller() {
		assertRejected(Passports.DEV.user("timer:nightly").claim("auth", "timer").sign(),
				"The passport names an unknown authentication method 'timer'");
	}

	@Test
	void rejectsAnOversizedPassport() {
		String huge = Passports.DEV.user("alice").claim("padding", "x".repeat(9000)).sign();
		assertRejected(huge, "The passport is longer than 8192 characters");
	}

	@Test
	void rejectsAPassportWhosePayloadWasChanged() {
		String[] parts = Passports.DEV.user("alice").sign().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("alice", "admin");
		parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes());
		assertRejected(String.join(".", parts), "The passport's signature does not match key 'frontline-dev'");
	}

	private void assertRejected(String passport, String detail) {
		assertThatExceptionOfType(PassportInvalid.class).isThrownBy(() -> this.verifier.verify(passport))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(401);
				assertThat(ex.getBody().getType()).hasToString("urn:frontline:problem:passport-invalid");
				assertThat(ex.getBody().getDetail()).startsWith(detail);
			});
	}

	private static Map<String, ECPublicKey> keys(Map<String, String> configured) {
		return VerificationKeys.load(configured, new DefaultResourceLoader()).byId();
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return java.time.ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
