package dev.frontline.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client of a request: the direct peer, or, when the peer is a trusted
 * proxy, the address it names in {@code X-Forwarded-For}. The header is read from the
 * right, past every trusted proxy, so that a client cannot pick its own address by
 * sending the header itself.
 */
public final class ClientAddresses {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private static final String UNKNOWN = "unknown";

	private final List<Block> trusted;

	/**
	 * @param trustedProxies addresses or CIDR blocks
	 * @throws IllegalArgumentException if one is neither
	 */
	public ClientAddresses(List<String> trustedProxies) {
		this.trusted = trustedProxies.stream().map(Block::parse).toList();
	}

	/**
	 * The client's address, as text.
	 */
	public String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress peer = (remote != null) ? remote.getAddress() : null;
		if (peer == null) {
			return UNKNOWN;
		}
		if (this.trusted.isEmpty() || !isTrusted(peer)) {
			return peer.getHostAddress();
		}
		List<String> forwarded = request.getHeaders().getValuesAsList(FORWARDED_FOR);
		InetAddress client = peer;
		for (int i = forwarded.size() - 1; i >= 0; i--) {
			InetAddress hop = literal(forwarded.get(i).strip());
			if (hop == null) {
				// Whatever is left of a malformed entry was not written by a proxy we
				// trust.
				break;
			}
			client = hop;
			if (!isTrusted(hop)) {
				break;
			}
		}
		return client.getHostAddress();
	}

	private boolean isTrusted(InetAddress address) {
		for (Block block : this.trusted) {
			if (block.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The address an IP literal names; never a name lookup.
	 */
	static @Nullable InetAddress literal(String text) {
		String address = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
		if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * An address block: an address and how many leading bits of it must match.
	 */
	private record Block(byte[] address, int bits) {

		static Block parse(String cidr) {
			String text = cidr.strip();
			int slash = text.indexOf('/');
			InetAddress address = literal((slash < 0) ? text : text.substring(0, slash));
			if (address == null) {
				throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
			}
			int max = address.getAddress().length * 8;
			int bits = max;
			if (slash >= 0) {
				try {
					bits = Integer.parseInt(text.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					bits = -1;
				}
				if (bits < 0 || bits > max) {
					throw new IllegalArgumentException("'" + cidr + "' has a prefix length out of 0.." + max);
				}
			}
			return new Block(address.getAddress(), bits);
		}

		boolean contains(InetAddress candidate) {
			byte[] other = candidate.getAddress();
			if (other.length != this.address.length) {
				return false;
			}
			int whole = this.bits / 8;
			for (int i = 0; i < whole; i++) {
				if (other[i] != this.address[i]) {
					return false;
				}
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (other[whole] & mask) == (this.address[whole] & mask);
		}

	}

}
