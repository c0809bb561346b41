package dev.frontline.contract;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DurationJsonTests {

	@Test
	void formatsInTheLargestExactUnit() {
		assertThat(DurationJson.format(Duration.ofMillis(500))).isEqualTo("500ms");
		assertThat(DurationJson.format(Duration.ofSeconds(5))).isEqualTo("5s");
		assertThat(DurationJson.format(Duration.ofSeconds(90))).isEqualTo("90s");
		assertThat(DurationJson.format(Duration.ofMinutes(2))).isEqualTo("2m");
		assertThat(DurationJson.format(Duration.ofHours(3))).isEqualTo("3h");
		assertThat(DurationJson.format(Duration.ZERO)).isEqualTo("0s");
		assertThat(DurationJson.format(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
	}

	@Test
	void parsesWhatItFormats() {
		for (Duration duration : new Duration[] { Duration.ofMillis(1), Duration.ofMillis(1500), Duration.ofMinutes(61),
				Duration.ofDays(1), Duration.ofNanos(7) }) {
			assertThat(DurationJson.parse(DurationJson.format(duration))).isEqualTo(duration);
		}
	}

	@Test
	void rejectsTextThatIsNoDuration() {
		assertThatIllegalArgumentException().isThrownBy(() -> DurationJson.parse("5 minutes"))
			.withMessageContaining("500ms");
		assertThatIllegalArgumentException().isThrownBy(() -> DurationJson.parse("-5s"));
		assertThatIllegalArgumentException().isThrownBy(() -> DurationJson.parse("PTbad"));
	}

}
