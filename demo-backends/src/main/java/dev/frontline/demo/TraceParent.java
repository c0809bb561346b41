package dev.frontline.demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The W3C {@code traceparent} header that a function runtime sends with each backend
 * call, read so that a backend's log lines name the trace they belong to. The backends
 * take no part in the trace; they only read it.
 *
 * @param traceId the trace id, 32 lowercase hex digits
 * @param parentId the id of the caller's span, 16 lowercase hex digits
 */
record TraceParent(String traceId, String parentId) {

	/**
	 * The header's name.
	 */
	static final String HEADER = "traceparent";

	// Version 00 has exactly four fields; a later version may append more, which a
	// reader of version 00 must ignore. Version ff is invalid.
	private static final Pattern FORMAT = Pattern
		.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

	private static final String ZERO_TRACE = "0".repeat(32);

	private static final String ZERO_PARENT = "0".repeat(16);

	/**
	 * Reads a header.
	 * @param header the header's value, or {@code null} when the request has none
	 * @return the trace context, or {@code null} when the header is missing or malformed,
	 * as the W3C recommendation says to treat it
	 */
	static @Nullable TraceParent parse(@Nullable String header) {
		if (header == null) {
			return null;
		}
		Matcher matcher = FORMAT.matcher(header.trim());
		if (!matcher.matches()) {
			return null;
		}
		String version = matcher.group(1);
		if ("ff".equals(version) || ("00".equals(version) && matcher.group(5) != null)) {
			return null;
		}
		String traceId = matcher.group(2);
		String parentId = matcher.group(3);
		if (ZERO_TRACE.equals(traceId) || ZERO_PARENT.equals(parentId)) {
			return null;
		}
		return new TraceParent(traceId, parentId);
	}

}
