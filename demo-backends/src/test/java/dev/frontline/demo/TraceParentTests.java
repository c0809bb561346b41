package dev.frontline.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String PARENT = "00f067aa0ba902b7";

	@Test
	void readsTheTraceIdOfAVersionZeroHeader() {
		assertThat(TraceParent.parse("00-" + TRACE + "-" + PARENT + "-01")).isEqualTo(new TraceParent(TRACE, PARENT));
		assertThat(TraceParent.parse(" 00-" + TRACE + "-" + PARENT + "-00 ")).isEqualTo(new TraceParent(TRACE, PARENT));
	}

	@Test
	void readsALaterVersionWithMoreFields() {
		assertThat(TraceParent.parse("01-" + TRACE + "-" + PARENT + "-01-what-comes-next"))
			.isEqualTo(new TraceParent(TRACE, PARENT));
	}

	@Test
	void ignoresAMissingOrMalformedHeader() {
		assertThat(TraceParent.parse(null)).isNull();
		assertThat(TraceParent.parse("")).isNull();
		assertThat(TraceParent.parse("00-" + TRACE.toUpperCase() + "-" + PARENT + "-01")).isNull();
		assertThat(TraceParent.parse("00-" + TRACE.substring(1) + "-" + PARENT + "-01")).isNull();
		assertThat(TraceParent.parse("00-" + TRACE + "-" + PARENT + "-01-extra")).isNull();
		assertThat(TraceParent.parse("ff-" + TRACE + "-" + PARENT + "-01")).isNull();
	}

	@Test
	void ignoresAllZeroIds() {
		assertThat(TraceParent.parse("00-" + "0".repeat(32) + "-" + PARENT + "-01")).isNull();
		assertThat(TraceParent.parse("00-" + TRACE + "-" + "0".repeat(16) + "-01")).isNull();
	}

}
