package dev.frontline.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A request header that must be present, and match a regular expression if one is given.
 *
 * @param name header name (an HTTP token)
 * @param regex a Java regular expression the whole value must match; {@code null} to
 * require only that the header is present
 */
@Consistent
public record HeaderCondition(
		@NotBlank @Pattern(regexp = "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}",
				message = "must be an HTTP header name") String name,
		@Nullable @Size(max = 500) String regex) implements SelfChecking {

	@Override
	public void checkConsistency(Problems problems) {
		if (this.regex == null) {
			return;
		}
		try {
			java.util.regex.Pattern.compile(this.regex);
		}
		catch (java.util.regex.PatternSyntaxException ex) {
			problems.add("regex", "is not a valid regular expression: " + ex.getDescription());
		}
	}

}
