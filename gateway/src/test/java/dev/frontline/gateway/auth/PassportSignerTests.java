package dev.frontline.gateway.auth;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.frontline.gateway.testing.Passports;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PassportSignerTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private final DefaultResourceLoader resources = new DefaultResourceLoader();

	private final PassportSigner signer = new PassportSigner(
			PassportKey.read(PassportProperties.DEVELOPMENT_SIGNING_KEY, this.resources).privateKey(), "frontline-dev",
			"frontline-functions", "edge-1", Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void signsThePassportOfACallerWithEveryClaim() throws Exception {
		Caller caller = new Caller("alice", Set.of("catalog:read"), "web-app", Caller.Method.JWT);
		JWTClaimsSet claims = Passports.verified(this.signer.sign(caller)).getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("frontline-gateway");
		assertThat(claims.getAudience()).containsExactly("frontline-functions");
		assertThat(claims.getSubject()).isEqualTo("alice");
		assertThat(claims.getClaim("scope")).isEqualTo("catalog:read");
		assertThat(claims.getClaim("client_id")).isEqualTo("web-app");
		assertThat(claims.getClaim("auth")).isEqualTo("jwt");
		assertThat(claims.getClaims()).doesNotContainKey("rid");
		assertThat(claims.getClaim("gid")).isEqualTo("edge-1");
		assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
		assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(30)));
	}

	@Test
	void reusesACallersPassportForHalfItsLifetimeAndThenSignsANewOne() throws Exception {
		MutableClock clock = new MutableClock(NOW);
		PassportSigner signer = new PassportSigner(
				PassportKey.read(PassportProperties.DEVELOPMENT_SIGNING_KEY, this.resources).privateKey(),
				"frontline-dev", "frontline-functions", "edge-1", Duration.ofSeconds(30), clock);
		Caller alice = new Caller("alice", Set.of("catalog:read"), null, Caller.Method.JWT);
		Caller bob = new Caller("bob", Set.of("catalog:read"), null, Caller.Method.JWT);
		String first = signer.sign(alice);
		clock.advance(Duration.ofSeconds(14));
		assertThat(signer.sign(alice)).isEqualTo(first);
		assertThat(signer.sign(bob)).isNotEqualTo(first);
		assertThat(signer.sign(new Caller("alice", Set.of("catalog:write"), null, Caller.Method.JWT)))
			.isNotEqualTo(first);
		clock.advance(Duration.ofSeconds(1));
		String renewed = signer.sign(alice);
		assertThat(renewed).isNotEqualTo(first);
		// Every passport handed out has at least half its lifetime left.
		assertThat(Passports.verified(renewed).getJWTClaimsSet().getExpirationTime())
			.isEqualTo(Date.from(NOW.plusSeconds(15 + 30)));
	}

	@Test
	void leavesOutTheClientOfAnAnonymousCaller() throws Exception {
		JWTClaimsSet claims = Passports.verified(this.signer.sign(Caller.ANONYMOUS)).getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo("anonymous");
		assertThat(claims.getClaim("scope")).isEqualTo("");
		assertThat(claims.getClaims()).doesNotContainKey("client_id");
	}

	@Test
	void refusesAKeyThatIsNotOnTheP256Curve() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		ECPrivateKey key = (ECPrivateKey) generator.generateKeyPair().getPrivate();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PassportSigner(key, "k", "aud", "g", Duration.ofSeconds(30), Clock.systemUTC()))
			.withMessageContaining("P-256");
	}

	@Test
	void readsAKeyGivenInlineAndKnowsTheDevelopmentKey() throws Exception {
		String pem = new String(
				this.resources.getResource(PassportProperties.DEVELOPMENT_SIGNING_KEY).getInputStream().readAllBytes());
		assertThat(PassportKey.read(pem, this.resources).isDevelopmentKey(this.resources)).isTrue();
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		String own = "-----BEGIN PRIVATE KEY-----\n"
				+ java.util.Base64.getMimeEncoder()
					.encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		assertThat(PassportKey.read(own, this.resources).isDevelopmentKey(this.resources)).isFalse();
	}

	@Test
	void refusesSomethingThatIsNoPrivateKey() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> PassportKey.read("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", this.resources))
			.withMessageContaining("PKCS#8");
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
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
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
