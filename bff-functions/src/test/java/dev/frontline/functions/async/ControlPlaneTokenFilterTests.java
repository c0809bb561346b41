package dev.frontline.functions.async;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ControlPlaneTokenFilterTests {

	@Test
	void refusesTheLocalDefaultTokenUnderTheProdProfile() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		assertThatIllegalStateException()
			.isThrownBy(() -> new AsyncConfiguration()
				.controlPlaneTokenFilter(new ControlPlaneProperties(ControlPlaneProperties.DEFAULT_TOKEN), prod))
			.withMessageContaining("frontline.functions.control-plane-token");
	}

	@Test
	void takesAConfiguredTokenUnderTheProdProfile() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		assertThat(new AsyncConfiguration().controlPlaneTokenFilter(new ControlPlaneProperties("s3cret"), prod))
			.isNotNull();
	}

	@Test
	void exemptsOnlyTheOperatorPathsFromThePassport() {
		ControlPlaneTokenFilter filter = new AsyncConfiguration()
			.controlPlaneTokenFilter(new ControlPlaneProperties("s3cret"), new MockEnvironment());
		assertThat(filter.exempts(request("/async/dead-letters"))).isTrue();
		assertThat(filter.exempts(request("/async/dead-letters/123/redrive"))).isTrue();
		assertThat(filter.exempts(request("/async/triggers/echo"))).isTrue();
		assertThat(filter.exempts(request("/async/triggers"))).isFalse();
		assertThat(filter.exempts(request("/async/echo"))).isFalse();
		assertThat(filter.exempts(request("/async/invocations/123"))).isFalse();
		assertThat(filter.exempts(request("/async/dead-letters-and-more"))).isFalse();
	}

	private static ServerHttpRequest request(String path) {
		return MockServerHttpRequest.get(path).build();
	}

}
