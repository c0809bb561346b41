package dev.frontline.contract;

/**
 * Keeps user-supplied text out of message interpolation.
 */
final class Messages {

	private Messages() {
	}

	/**
	 * Escapes the characters that Jakarta Validation would interpret in a message
	 * template.
	 */
	static String literal(String message) {
		StringBuilder escaped = new StringBuilder(message.length());
		for (char c : message.toCharArray()) {
			if (c == '{' || c == '}' || c == '$' || c == '\\') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
