package dev.frontline.admin.trigger;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which scheduled times are due, on time or after downtime.
 */
class ScheduleTests {

	private static final Duration CATCH_UP_AFTER = Duration.ofSeconds(10);

	private static final Instant NOON = Instant.parse("2026-05-04T12:00:00Z");

	@Test
	void firesEveryTimeSinceTheLastFiringWhenOnTime() {
		Schedule.Due due = Schedule.of("* * * * * *", "UTC")
			.due(NOON.minusMillis(2500), NOON.plusMillis(300), CATCH_UP_AFTER);
		assertThat(due.catchUp()).isNull();
		assertThat(due.times()).containsExactly(NOON.minusSeconds(2), NOON.minusSeconds(1), NOON);
	}

	@Test
	void firesNothingBeforeTheNextTime() {
		assertThat(Schedule.of("0 * * * * *", "UTC").due(NOON, NOON.plusSeconds(59), CATCH_UP_AFTER).times()).isEmpty();
		assertThat(Schedule.of("0 * * * * *", "UTC").due(NOON, NOON.plusSeconds(60), CATCH_UP_AFTER).times())
			.containsExactly(NOON.plusSeconds(60));
	}

	@Test
	void collapsesTheTimesMissedDuringDowntimeIntoOneCatchUpForTheLatest() {
		Instant now = NOON.plusMillis(500);
		Schedule.Due due = Schedule.of("* * * * * *", "UTC").due(NOON.minus(Duration.ofDays(1)), now, CATCH_UP_AFTER);
		// 12:00:00.5 - 10 s = 11:59:50.5: 11:59:50 is the last late time, 11:59:51 the
		// first on time.
		assertThat(due.catchUp()).isEqualTo(NOON.minusSeconds(10));
		assertThat(due.onTime()).hasSize(10).startsWith(NOON.minusSeconds(9)).endsWith(NOON);
		assertThat(due.times()).hasSize(11).first().isEqualTo(NOON.minusSeconds(10));
	}

	@Test
	void firesADailyTriggerOnceAfterDaysOfDowntime() {
		Schedule.Due due = Schedule.of("0 0 3 * * *", "UTC")
			.due(Instant.parse("2026-05-01T04:00:00Z"), NOON, CATCH_UP_AFTER);
		assertThat(due.catchUp()).isEqualTo(Instant.parse("2026-05-04T03:00:00Z"));
		assertThat(due.onTime()).isEmpty();
	}

	@Test
	void readsTheExpressionInItsZone() {
		Schedule berlin = Schedule.of("0 0 9 * * *", "Europe/Berlin");
		assertThat(berlin.next(Instant.parse("2026-01-10T00:00:00Z"))).isEqualTo(Instant.parse("2026-01-10T08:00:00Z"));
		assertThat(berlin.next(Instant.parse("2026-07-10T00:00:00Z"))).isEqualTo(Instant.parse("2026-07-10T07:00:00Z"));
		assertThat(Schedule.of("@hourly", "UTC").next(NOON)).isEqualTo(NOON.plusSeconds(3600));
	}

	@Test
	void knowsWhenAnExpressionNeverMatches() {
		assertThat(Schedule.of("0 0 0 30 2 *", "UTC").next(NOON)).isNull();
		assertThat(Schedule.of("0 0 0 30 2 *", "UTC").due(NOON.minusSeconds(60), NOON, CATCH_UP_AFTER).times())
			.isEmpty();
	}

	@Test
	void refusesAnExpressionOfFiveFields() {
		assertThatIllegalArgumentException().isThrownBy(() -> Schedule.of("* * * * *", "UTC"));
	}

}
