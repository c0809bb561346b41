package dev.frontline.gateway.firewall;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFirewallTests {

	private final RequestFirewall firewall = new RequestFirewall();

	@ParameterizedTest
	@ValueSource(strings = { "/api/products/p1", "/api/products/p1/", "/", "/api/caf%C3%A9", "/api/caf\u00c3\u00a9",
			"/api/file.json", "/api/.well-known/x", "/api/a..b/c.", "/api/file%2Ejson", "/api/a%20b", "/api//twice",
			"/api/products?q=a+b&tag=x&tag=y", "/api/search?q=100%25", "/api/search?q=%E2%82%AC&empty=" })
	void letsThroughPathsAndQueriesOfWellFormedText(String target) {
		assertThat(check("GET", target)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/public/../orders            | invalid-path
			/api/public/..                   | invalid-path
			/api/./orders                    | invalid-path
			/api/public/%2e%2e/orders        | invalid-path
			/api/public/%2E./orders          | invalid-path
			/api/public/.%2e/orders          | invalid-path
			/api/public/..%2forders          | invalid-path
			/api/public/a%2Fb                | invalid-path
			/api/public/a%5Cb                | invalid-path
			/api/public/%252e%252e/orders    | invalid-path
			/api/public/%252F                | invalid-path
			/api/public/x;jsessionid=1       | invalid-path
			/api/public/%ff%fe               | invalid-path
			/api/public/%c0%af               | invalid-path
			/api/public/%e2%82               | invalid-path
			/api/public/\u00ff               | invalid-path
			/api/public/a%0d%0aX-Injected:1  | invalid-path
			/api/public/%00                  | invalid-path
			/api/public/%7f                  | invalid-path
			/api/x?q=%ff%fe                  | invalid-query
			/api/x?q=%c0%af                  | invalid-query
			/api/x?q=a%0d%0aX-Injected:1     | invalid-query
			/api/x?%00=x                     | invalid-query
			/api/x?q=%09                     | invalid-query
			""")
	void refusesPathsAndQueriesThatCouldNameSomethingElseOrCarryControlCharacters(String target, String problem) {
		assertThat(check("GET", target)).isEqualTo(problem);
	}

	@ParameterizedTest
	@ValueSource(strings = { "FOO", "PROPFIND", "get", "Post", "TRACE", "CONNECT" })
	void refusesMethodsNoRouteCanName(String method) {
		assertThat(check(method, "/api/products/p1")).isEqualTo("method-not-allowed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" })
	void letsThroughTheMethodsARouteCanName(String method) {
		assertThat(check(method, "/api/products/p1")).isNull();
	}

	private @Nullable String check(String method, String target) {
		MockServerHttpRequest request = MockServerHttpRequest.method(HttpMethod.valueOf(method), URI.create(target))
			.build();
		Rejection rejection = this.firewall.check(request);
		return (rejection != null) ? rejection.name() : null;
	}

}
