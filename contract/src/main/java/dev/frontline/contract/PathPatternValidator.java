package dev.frontline.contract;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link PathPattern} strings against the syntax of Spring's path patterns.
 */
public class PathPatternValidator implements ConstraintValidator<PathPattern, String> {

	private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9\\-._~%!$&'()+,;=:@*]+");

	private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(:(.+))?\\}");

	private static final Pattern CAPTURE_ALL = Pattern.compile("\\{\\*[A-Za-z_][A-Za-z0-9_]*\\}");

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		return isValidPattern(value);
	}

	static boolean isValidPattern(String value) {
		if (!value.startsWith("/") || value.length() > 1000 || value.contains("//")) {
			return false;
		}
		if (value.equals("/")) {
			return true;
		}
		String[] segments = value.substring(1).split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			boolean last = i == segments.length - 1;
			String segment = segments[i];
			if (segment.isEmpty()) {
				if (!last) {
					return false;
				}
				continue;
			}
			if (segment.equals("**") || CAPTURE_ALL.matcher(segment).matches()) {
				if (!last) {
					return false;
				}
				continue;
			}
			if (segment.equals(".") || segment.equals("..")) {
				return false;
			}
			if (!isValidSegment(segment)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isValidSegment(String segment) {
		int index = 0;
		while (index < segment.length()) {
			int open = segment.indexOf('{', index);
			String literal = segment.substring(index, (open < 0) ? segment.length() : open);
			if (!literal.isEmpty() && !LITERAL.matcher(literal).matches()) {
				return false;
			}
			if (open < 0) {
				return true;
			}
			int close = closingBrace(segment, open);
			if (close < 0) {
				return false;
			}
			var variable = VARIABLE.matcher(segment.substring(open, close + 1));
			if (!variable.matches()) {
				return false;
			}
			if (variable.group(3) != null && !isRegex(variable.group(3))) {
				return false;
			}
			index = close + 1;
		}
		return true;
	}

	private static int closingBrace(String segment, int open) {
		int depth = 0;
		for (int i = open; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isRegex(String regex) {
		try {
			Pattern.compile(regex);
			return true;
		}
		catch (PatternSyntaxException ex) {
			return false;
		}
	}

}
