package dev.frontline.gateway.firewall;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The checks a request passes before any route is matched, so that what a route matches
 * is exactly what the client sent, and whatever reaches a target from the request line is
 * text. Modelled on Spring Security's {@code StrictServerWebExchangeFirewall}:
 * <ul>
 * <li>the method is one a route can name, in upper case; any other is answered 405;</li>
 * <li>no path segment is {@code .} or {@code ..}, plain or percent-encoded: a path that
 * climbs out of a route's prefix would match that route while naming another;</li>
 * <li>no path segment holds an encoded {@code /} or {@code \} ({@code %2F}, {@code %5C}),
 * an encoded {@code %} ({@code %25}, so that nothing decodes twice into something else),
 * or {@code ;} (matrix parameters, which path patterns ignore);</li>
 * <li>the path and the query string are well-formed percent-encoded UTF-8, without
 * control characters (CR, LF and NUL among them) once decoded.</li>
 * </ul>
 * Such requests are refused, not normalised: the gateway forwards to the function of the
 * route that matched and never passes the path on, so there is nothing to gain from
 * guessing what a client meant, and one way to read every path. Headers need no check
 * here: the HTTP server refuses control characters in them with 400 before the gateway
 * sees the request.
 */
final class RequestFirewall {

	/** The methods a route rule can name; requests with any other match no route. */
	static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
			HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	/** The value of the {@code Allow} header of a 405. */
	static final String ALLOW = METHODS.stream().map(HttpMethod::name).collect(Collectors.joining(", "));

	private static final String DOT_SEGMENTS = "must not contain '.' or '..' segments, plain or encoded";

	/**
	 * Why the request is refused.
	 * @param request a request as the client sent it
	 * @return the rejection, or {@code null} if the request may be routed
	 */
	@Nullable Rejection check(ServerHttpRequest request) {
		if (!METHODS.contains(request.getMethod())) {
			return Rejection.method(ALLOW);
		}
		URI uri = request.getURI();
		String path = uri.getRawPath();
		Rejection rejection = (path != null) ? checkPath(path) : null;
		if (rejection != null) {
			return rejection;
		}
		String query = uri.getRawQuery();
		return (query != null) ? checkQuery(query) : null;
	}

	private static @Nullable Rejection checkPath(String path) {
		if (path.indexOf(';') >= 0) {
			return Rejection.path("must not contain ';'");
		}
		int start = 0;
		while (start <= path.length()) {
			int end = path.indexOf('/', start);
			if (end < 0) {
				end = path.length();
			}
			Rejection rejection = checkSegment(path, start, end);
			if (rejection != null) {
				return rejection;
			}
			start = end + 1;
		}
		return null;
	}

	private static @Nullable Rejection checkSegment(String path, int start, int end) {
		if (isPlain(path, start, end)) {
			// Most segments: nothing encoded, nothing to decode.
			return isDotSegment(path, start, end) ? Rejection.path(DOT_SEGMENTS) : null;
		}
		String segment = decode(path.substring(start, end));
		if (segment == null) {
			return Rejection.path("must be percent-encoded UTF-8");
		}
		if (isDotSegment(segment, 0, segment.length())) {
			return Rejection.path(DOT_SEGMENTS);
		}
		if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0) {
			return Rejection.path("must not contain an encoded '/' or '\\'");
		}
		if (segment.indexOf('%') >= 0) {
			return Rejection.path("must not contain an encoded '%' (double encoding)");
		}
		if (hasControlCharacter(segment)) {
			return Rejection.path("must not contain control characters");
		}
		return null;
	}

	private static @Nullable Rejection checkQuery(String query) {
		if (isPlain(query, 0, query.length())) {
			return null;
		}
		String decoded = decode(query);
		if (decoded == null) {
			return Rejection.query("must be percent-encoded UTF-8");
		}
		if (hasControlCharacter(decoded)) {
			return Rejection.query("must not contain control characters");
		}
		return null;
	}

	/**
	 * Whether the text is printable ASCII without percent-encoding: nothing to decode.
	 */
	private static boolean isPlain(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c == '%' || c < 0x20 || c >= 0x7F) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDotSegment(String text, int start, int end) {
		int length = end - start;
		return (length == 1 || length == 2) && text.charAt(start) == '.' && text.charAt(end - 1) == '.';
	}

	/**
	 * The text that percent-encoded UTF-8 stands for, or {@code null} if it is not that:
	 * a {@code %} without two hex digits, bytes that are no UTF-8 (overlong forms such as
	 * {@code %C0%AF} included), or a character that is not one byte (the server reads the
	 * request line byte by byte).
	 */
	static @Nullable String decode(String raw) {
		byte[] bytes = new byte[raw.length()];
		int length = 0;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				int high = (i + 2 < raw.length()) ? Character.digit(raw.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(raw.charAt(i + 2), 16) : -1;
				if (low < 0) {
					return null;
				}
				bytes[length++] = (byte) ((high << 4) | low);
				i += 2;
			}
			else if (c <= 0xFF) {
				bytes[length++] = (byte) c;
			}
			else {
				return null;
			}
		}
		try {
			CharBuffer text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, length));
			return text.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isISOControl(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
