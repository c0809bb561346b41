package dev.frontline.functions.async;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTests {

	private static final Duration BASE = Duration.ofSeconds(1);

	private static final Duration CAP = Duration.ofMinutes(5);

	@Test
	void doublesTheWaitForEachRetry() {
		RetryBackoff middle = new RetryBackoff(BASE, CAP, () -> 0.5);
		assertThat(middle.delay(1, null)).isEqualTo(Duration.ofSeconds(1));
		assertThat(middle.delay(2, null)).isEqualTo(Duration.ofSeconds(2));
		assertThat(middle.delay(3, null)).isEqualTo(Duration.ofSeconds(4));
		assertThat(middle.delay(9, null)).isEqualTo(Duration.ofSeconds(256));
	}

	@Test
	void spreadsTheWaitByAFifthEitherWay() {
		assertThat(new RetryBackoff(BASE, CAP, () -> 0.0).delay(3, null)).isEqualTo(Duration.ofMillis(3200));
		assertThat(new RetryBackoff(BASE, CAP, () -> 0.999999).delay(3, null)).isEqualTo(Duration.ofMillis(4800));
		RetryBackoff random = new RetryBackoff(BASE, CAP);
		for (int i = 0; i < 100; i++) {
			assertThat(random.delay(2, null)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
		}
	}

	@Test
	void neverWaitsLongerThanTheCap() {
		assertThat(new RetryBackoff(BASE, CAP, () -> 0.999999).delay(10, null)).isEqualTo(CAP);
		assertThat(new RetryBackoff(BASE, CAP, () -> 0.0).delay(1000, null)).isEqualTo(Duration.ofMinutes(4));
	}

	@Test
	void waitsAtLeastAsLongAsTheFailureAsked() {
		RetryBackoff middle = new RetryBackoff(BASE, CAP, () -> 0.5);
		assertThat(middle.delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
		assertThat(middle.delay(1, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
		assertThat(middle.delay(3, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(4));
	}

}
