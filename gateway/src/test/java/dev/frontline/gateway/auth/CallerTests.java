package dev.frontline.gateway.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.frontline.contract.ApiKey;
import dev.frontline.contract.AuthPolicy;
import dev.frontline.contract.AuthPolicy.Mode;
import dev.frontline.contract.AuthPolicy.ScopeMatch;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallerTests {

	@Test
	void mergesTheScopesOfScopeScpAndRoles() {
		Caller caller = Caller
			.of(jwt(Map.of("sub", "alice", "scope", "a b", "scp", List.of("c", "a"), "roles", List.of("admin"))));
		assertThat(caller.scopes()).containsExactly("a", "b", "c", "admin");
		assertThat(caller.scope()).isEqualTo("a b c admin");
		assertThat(caller.method()).isEqualTo(Caller.Method.JWT);
	}

	@Test
	void readsScpAsASpaceSeparatedStringToo() {
		assertThat(Caller.of(jwt(Map.of("sub", "alice", "scp", "x y"))).scopes()).containsExactly("x", "y");
	}

	@Test
	void ignoresScopeClaimsOfOtherTypes() {
		assertThat(Caller.of(jwt(Map.of("sub", "alice", "scope", 42, "roles", List.of(1, "ok")))).scopes())
			.containsExactly("ok");
	}

	@Test
	void takesTheClientFromAzpOrElseClientId() {
		assertThat(Caller.of(jwt(Map.of("sub", "alice", "azp", "web", "client_id", "other"))).clientId())
			.isEqualTo("web");
		assertThat(Caller.of(jwt(Map.of("sub", "alice", "client_id", "mobile"))).clientId()).isEqualTo("mobile");
		assertThat(Caller.of(jwt(Map.of("sub", "alice"))).clientId()).isNull();
	}

	@Test
	void refusesATokenThatNamesNoSubject() {
		assertThatExceptionOfType(AuthenticationFailed.class).isThrownBy(() -> Caller.of(jwt(Map.of("scope", "a"))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(AuthenticationFailed.Reason.INVALID_TOKEN));
	}

	@Test
	void standsForTheClientOfAnApiKey() {
		ApiKey key = ApiKey.issue("partner", List.of("catalog:read"), Instant.now()).entry();
		Caller caller = Caller.of(key);
		assertThat(caller.subject()).isEqualTo("partner");
		assertThat(caller.clientId()).isEqualTo("partner");
		assertThat(caller.scope()).isEqualTo("catalog:read");
		assertThat(caller.method().claim()).isEqualTo("api-key");
	}

	@Test
	void holdsTheScopesOfAPolicyAsItsMatchSays() {
		Caller caller = new Caller("alice", java.util.Set.of("a"), null, Caller.Method.JWT);
		assertThat(caller.holdsScopesOf(AuthPolicy.authenticated())).isTrue();
		assertThat(caller.holdsScopesOf(scopes(ScopeMatch.ANY, "a", "b"))).isTrue();
		assertThat(caller.holdsScopesOf(scopes(ScopeMatch.ALL, "a", "b"))).isFalse();
		assertThat(caller.holdsScopesOf(scopes(ScopeMatch.ALL, "a"))).isTrue();
		assertThat(Caller.ANONYMOUS.holdsScopesOf(scopes(ScopeMatch.ANY, "a"))).isFalse();
	}

	private static AuthPolicy scopes(ScopeMatch match, String... scopes) {
		return new AuthPolicy(Mode.SCOPES, List.of(scopes), match, false, false);
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("token").header("alg", "HS256").claims((all) -> all.putAll(claims)).build();
	}

}
