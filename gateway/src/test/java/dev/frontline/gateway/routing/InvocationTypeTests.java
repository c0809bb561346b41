package dev.frontline.gateway.routing;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationTypeTests {

	@Test
	void followsTheRouteWhenTheRequestDoesNotAsk() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api").build();
		assertThat(InvocationType.of(request, false)).isEqualTo(InvocationType.SYNC);
		assertThat(InvocationType.of(request, true)).isEqualTo(InvocationType.ASYNC);
	}

	@Test
	void makesARequestThatAsksForItAsyncInAnyCase() {
		for (String asked : new String[] { "async", "ASYNC", " Async " }) {
			MockServerHttpRequest request = MockServerHttpRequest.get("/api")
				.header(InvocationType.HEADER, asked)
				.build();
			assertThat(InvocationType.of(request, false)).as(asked).isEqualTo(InvocationType.ASYNC);
		}
	}

	@Test
	void leavesARequestThatAsksForSyncToTheRoute() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api").header(InvocationType.HEADER, "Sync").build();
		assertThat(InvocationType.of(request, false)).isEqualTo(InvocationType.SYNC);
		assertThat(InvocationType.of(request, true)).isEqualTo(InvocationType.ASYNC);
	}

	@Test
	void knowsNoOtherType() {
		for (String asked : new String[] { "", "later", "asynchronous" }) {
			MockServerHttpRequest request = MockServerHttpRequest.get("/api")
				.header(InvocationType.HEADER, asked)
				.build();
			assertThat(InvocationType.of(request, true)).as(asked).isNull();
		}
	}

}
