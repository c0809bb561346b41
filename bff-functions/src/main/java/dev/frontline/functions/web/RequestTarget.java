package dev.frontline.functions.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import dev.frontline.functions.web.MalformedRequest.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The target of a request as it arrived in the request line (origin form: a path, maybe a
 * query), checked against RFC 3986 before the framework parses it. A target must be
 * ASCII, with every other byte, and every character that URIs reserve elsewhere,
 * percent-encoded as UTF-8. The one exception is {@code |}, which joins the functions of
 * a definition ({@code homePage|mobileView}) and which clients such as curl send as is:
 * it counts as {@code %7C}.
 *
 * @param raw the target, one character per byte of the request line
 */
record RequestTarget(String raw) {

	private static final String ALLOWED_PUNCTUATION = "-._~!$&'()*+,;=:@/?";

	/**
	 * What is wrong with the target.
	 * @return the part at fault ({@code path} or {@code query}) and why, or {@code null}
	 * for a valid target
	 */
	@Nullable FieldError fault() {
		int query = this.raw.indexOf('?');
		String path = (query >= 0) ? this.raw.substring(0, query) : this.raw;
		String fault = fault(path);
		if (fault != null) {
			return new FieldError("path", fault);
		}
		fault = (query >= 0) ? fault(this.raw.substring(query + 1)) : null;
		return (fault != null) ? new FieldError("query", fault) : null;
	}

	/**
	 * The target with every character that a URI cannot hold percent-encoded, so that the
	 * framework can parse it: the same target when it is valid.
	 * @return the target, escaped
	 */
	String escaped() {
		StringBuilder escaped = new StringBuilder(this.raw.length());
		for (int i = 0; i < this.raw.length(); i++) {
			char c = this.raw.charAt(i);
			if (c == '%') {
				escaped.append(isEscape(this.raw, i) ? "%" : "%25");
			}
			else if (isAllowed(c)) {
				escaped.append(c);
			}
			else {
				escaped.append('%').append(String.format("%02X", c & 0xFF));
			}
		}
		return escaped.toString();
	}

	private static @Nullable String fault(String part) {
		ByteArrayOutputStream decoded = new ByteArrayOutputStream(part.length());
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c == '%') {
				if (!isEscape(part, i)) {
					return "has a '%' that is not followed by two hexadecimal digits";
				}
				decoded.write(Integer.parseInt(part, i + 1, i + 3, 16));
				i += 2;
			}
			else if (c >= 0x80) {
				return "holds bytes that are not ASCII; send them percent-encoded as UTF-8";
			}
			else if (isAllowed(c) || c == '|') {
				decoded.write(c);
			}
			else {
				return "holds a character that must be percent-encoded: " + describe(c);
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(decoded.toByteArray()));
			return null;
		}
		catch (CharacterCodingException ex) {
			return "is not UTF-8 once percent-decoded";
		}
	}

	private static boolean isEscape(String text, int percent) {
		return percent + 2 < text.length() && isHex(text.charAt(percent + 1)) && isHex(text.charAt(percent + 2));
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static boolean isAllowed(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| ALLOWED_PUNCTUATION.indexOf(c) >= 0;
	}

	private static String describe(char c) {
		return (c > 0x20 && c < 0x7F) ? "'" + c + "'" : String.format("0x%02X", (int) c);
	}

}
