package dev.frontline.gateway.canary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

import dev.frontline.contract.CanaryTarget.StickyKey;
import dev.frontline.gateway.auth.Caller;
import dev.frontline.gateway.ratelimit.ClientAddresses;

import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who a request comes from, as far as keeping it on one side of a split goes: the
 * authenticated user (for the {@code user} sticky key), else the sticky cookie, else an
 * identity derived from the client's address. The derived identity is a digest of the
 * address, so the cookie that carries it from then on does not show the address.
 */
final class StickyIdentities {

	/** The length of a derived identity: 22 base64url characters, 132 bits of digest. */
	static final int DERIVED_LENGTH = 22;

	/** Anything else in the cookie is not an identity the gateway gave out. */
	private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/** Keeps digests of addresses apart from digests of the same text elsewhere. */
	private static final String DERIVATION_PREFIX = "frontline-canary\n";

	private final ClientAddresses addresses;

	private final String cookieName;

	/**
	 * @param addresses finds the client's address, past trusted proxies
	 * @param cookieName the name of the sticky cookie
	 */
	StickyIdentities(ClientAddresses addresses, String cookieName) {
		this.addresses = addresses;
		this.cookieName = cookieName;
	}

	/**
	 * The identity of the caller of a request, by the given sticky key. {@code none}
	 * needs no identity and is treated like {@code cookie}.
	 */
	StickyIdentity of(ServerWebExchange exchange, StickyKey key) {
		if (key == StickyKey.USER) {
			Caller caller = exchange.getAttribute(Caller.ATTRIBUTE);
			if (caller != null && caller.method() != Caller.Method.ANONYMOUS) {
				return new StickyIdentity(caller.subject(), false);
			}
		}
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(this.cookieName);
		if (cookie != null && COOKIE_VALUE.matcher(cookie.getValue()).matches()) {
			return new StickyIdentity(cookie.getValue(), false);
		}
		return new StickyIdentity(derive(this.addresses.of(exchange.getRequest())), true);
	}

	/**
	 * The identity of a client known by its address only.
	 */
	static String derive(String address) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((DERIVATION_PREFIX + address).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, DERIVED_LENGTH);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

	/**
	 * What keeps a caller on one side.
	 *
	 * @param value the user, the cookie's value or the identity derived from the address
	 * @param derived whether it was derived from the address, so that the caller should
	 * get it as a cookie
	 */
	record StickyIdentity(String value, boolean derived) {

	}

}
