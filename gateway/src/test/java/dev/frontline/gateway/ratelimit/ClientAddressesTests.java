package dev.frontline.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressesTests {

	private final ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

	@Test
	void ignoresForwardedForFromAnUntrustedPeer() {
		assertThat(this.addresses.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void ignoresForwardedForWhenNoProxyIsTrusted() {
		assertThat(new ClientAddresses(List.of()).of(request("10.1.2.3", "198.51.100.1"))).isEqualTo("10.1.2.3");
	}

	@Test
	void takesTheAddressATrustedProxyNames() {
		assertThat(this.addresses.of(request("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
		assertThat(this.addresses.of(request("192.168.1.7", "198.51.100.2"))).isEqualTo("198.51.100.2");
		assertThat(this.addresses.of(request("fd00::1", "2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
	}

	@Test
	void skipsTrustedProxiesFromTheRightAndIgnoresWhatTheClientWroteBeforeThem() {
		assertThat(this.addresses.of(request("10.1.2.3", "1.1.1.1, 198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
		assertThat(this.addresses.of(request("10.1.2.3", "1.1.1.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
	}

	@Test
	void stopsAtAMalformedEntryWithoutLookingNamesUp() {
		assertThat(this.addresses.of(request("10.1.2.3", "198.51.100.1, evil.example.com"))).isEqualTo("10.1.2.3");
	}

	@Test
	void takesTheLeftmostAddressWhenEveryHopIsTrusted() {
		assertThat(this.addresses.of(request("10.1.2.3", "10.5.5.5, 10.6.6.6"))).isEqualTo("10.5.5.5");
	}

	@Test
	void refusesATrustedProxyThatIsNoAddress() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("proxy.example.com")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")));
	}

	private static MockServerHttpRequest request(String peer, String... forwardedFor) {
		return MockServerHttpRequest.get("/")
			.remoteAddress(new InetSocketAddress(peer, 40000))
			.header(ClientAddresses.FORWARDED_FOR, forwardedFor)
			.build();
	}

}
