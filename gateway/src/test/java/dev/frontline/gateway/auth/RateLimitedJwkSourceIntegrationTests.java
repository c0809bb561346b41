package dev.frontline.gateway.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.frontline.gateway.testing.ClosedPort;
import dev.frontline.gateway.testing.JwksStub;
import dev.frontline.gateway.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JWK source against a stub issuer, on a clock the test moves.
 */
class RateLimitedJwkSourceIntegrationTests {

	private static final AuthProperties.JwkSet SETTINGS = new AuthProperties.JwkSet(Duration.ofMinutes(5),
			Duration.ofSeconds(30), Duration.ofSeconds(2));

	private final JwksStub issuer = JwksStub.start();

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final RSAKey first = Tokens.rsaKey("first");

	@AfterEach
	void stopIssuer() {
		this.issuer.close();
	}

	@Test
	void fetchesTheKeysOnceAndFindsAKnownKeyIdWithoutFetchingAgain() throws JOSEException {
		this.issuer.publish(List.of(this.first));
		RateLimitedJwkSource source = source(this.issuer.uri());
		assertThat(keyIds(source, token(this.first))).containsExactly("first");
		assertThat(keyIds(source, token(this.first))).containsExactly("first");
		assertThat(this.issuer.fetches()).isEqualTo(1);
	}

	@Test
	void fetchesAgainForAnUnknownKeyIdOnlyOncePerMinimumInterval() throws JOSEException {
		this.issuer.publish(List.of(this.first));
		RateLimitedJwkSource source = source(this.issuer.uri());
		keyIds(source, token(this.first));
		RSAKey second = Tokens.rsaKey("second");
		this.issuer.publish(List.of(this.first, second));
		advance(Duration.ofSeconds(31));
		for (int i = 0; i < 20; i++) {
			assertThat(keyIds(source, token(Tokens.rsaKey("made-up-" + i)))).isEmpty();
		}
		assertThat(this.issuer.fetches()).isEqualTo(2);
		assertThat(keyIds(source, token(second))).as("fetched by the first unknown key id").containsExactly("second");

		RSAKey third = Tokens.rsaKey("third");
		this.issuer.publish(List.of(third));
		assertThat(keyIds(source, token(third))).as("within the interval").isEmpty();
		advance(Duration.ofSeconds(31));
		assertThat(keyIds(source, token(third))).containsExactly("third");
		assertThat(this.issuer.fetches()).isEqualTo(3);
	}

	@Test
	void sharesOneFetchAmongRequestsThatNeedItAtOnce() throws JOSEException {
		this.issuer.publish(List.of(this.first));
		RateLimitedJwkSource source = source(this.issuer.uri());
		SignedJWT token = token(this.first);
		List<List<JWK>> results = Flux.range(0, 20)
			.flatMap((i) -> source.apply(token).collectList())
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(results).hasSize(20).allSatisfy((keys) -> assertThat(keys).hasSize(1));
		assertThat(this.issuer.fetches()).isEqualTo(1);
	}

	@Test
	void fetchesTheKeysAgainAfterTheRefreshInterval() throws JOSEException {
		this.issuer.publish(List.of(this.first));
		RateLimitedJwkSource source = source(this.issuer.uri());
		keyIds(source, token(this.first));
		advance(Duration.ofMinutes(6));
		keyIds(source, token(this.first));
		assertThat(this.issuer.fetches()).isEqualTo(2);
	}

	@Test
	void keepsUsingTheKeysItHoldsWhenTheIssuerCannotBeReached() throws JOSEException {
		this.issuer.publish(List.of(this.first));
		RateLimitedJwkSource source = source(this.issuer.uri());
		keyIds(source, token(this.first));
		this.issuer.close();
		advance(Duration.ofMinutes(6));
		assertThat(keyIds(source, token(this.first))).containsExactly("first");
	}

	@Test
	void failsAsUnavailableWhenItHoldsNoKeysAndCannotFetchThem() throws JOSEException {
		RateLimitedJwkSource source = source(ClosedPort.uri() + "/jwks");
		SignedJWT token = token(this.first);
		assertThatExceptionOfType(JwkSetUnavailable.class)
			.isThrownBy(() -> source.apply(token).collectList().block(Duration.ofSeconds(5)));
	}

	@Test
	void fetchesNothingForAnAlgorithmItDoesNotAccept() throws java.text.ParseException {
		this.issuer.publish(List.of(this.first));
		RateLimitedJwkSource source = source(this.issuer.uri());
		SignedJWT hmac = SignedJWT.parse(Tokens.hs256((claims) -> {
		}));
		assertThat(source.apply(hmac).collectList().block(Duration.ofSeconds(5))).isEmpty();
		assertThat(this.issuer.fetches()).isZero();
	}

	private RateLimitedJwkSource source(String uri) {
		return new RateLimitedJwkSource(WebClient.create(), URI.create(uri),
				Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), SETTINGS, this.now::get);
	}

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

	private static List<String> keyIds(RateLimitedJwkSource source, SignedJWT token) {
		return Mono.from(source.apply(token).map(JWK::getKeyID).collectList()).block(Duration.ofSeconds(5));
	}

	private static SignedJWT token(RSAKey key) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().subject("alice").build());
		jwt.sign(new RSASSASigner(key));
		return jwt;
	}

}
