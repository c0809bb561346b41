package dev.frontline.admin.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a trigger fires: a Spring {@link CronExpression} (six fields, second first, or a
 * macro such as {@code @hourly}) in a time zone.
 */
final class Schedule {

	/** The most on-time firings one look finds, whatever the catch-up window. */
	private static final int MAX_ON_TIME = 10_000;

	private final CronExpression cron;

	private final ZoneId zone;

	private Schedule(CronExpression cron, ZoneId zone) {
		this.cron = cron;
		this.zone = zone;
	}

	/**
	 * The schedule of a cron expression in a zone.
	 * @throws IllegalArgumentException if the expression is not one
	 * @throws java.time.DateTimeException if the zone is not one
	 */
	static Schedule of(String cron, String zone) {
		return new Schedule(CronExpression.parse(cron), ZoneId.of(zone));
	}

	/**
	 * The first scheduled time strictly after the given instant, or {@code null} if the
	 * expression never matches again (such as the 30th of February).
	 */
	@Nullable Instant next(Instant after) {
		ZonedDateTime next = this.cron.next(after.atZone(this.zone));
		return (next != null) ? next.toInstant() : null;
	}

	/**
	 * The scheduled times to fire now: every time after {@code firedThrough} and not
	 * after {@code now}, except that times older than {@code catchUpAfter} (missed while
	 * nobody fired) count once, as the latest of them.
	 * @param firedThrough the time through which the trigger was fired
	 * @param now the current time
	 * @param catchUpAfter how late a time may be and still fire on its own
	 */
	Due due(Instant firedThrough, Instant now, Duration catchUpAfter) {
		Instant first = next(firedThrough);
		if (first == null || first.isAfter(now)) {
			return Due.NONE;
		}
		Instant onTimeFrom = now.minus(catchUpAfter);
		Instant catchUp = null;
		Instant from = firedThrough;
		if (first.isBefore(onTimeFrom)) {
			catchUp = latestBefore(onTimeFrom, firedThrough);
			from = catchUp;
		}
		List<Instant> onTime = new ArrayList<>();
		for (Instant time = next(from); time != null && !time.isAfter(now)
				&& onTime.size() < MAX_ON_TIME; time = next(time)) {
			onTime.add(time);
		}
		return new Due(catchUp, onTime);
	}

	/**
	 * The latest scheduled time after {@code after} and before {@code bound}, of which
	 * there must be one. Searched backwards from the bound in windows that double, so
	 * that a schedule of every second missed for a day costs a few steps, not 86,400.
	 */
	private Instant latestBefore(Instant bound, Instant after) {
		Duration window = Duration.ofSeconds(1);
		while (true) {
			Instant start = bound.minus(window);
			if (!start.isAfter(after)) {
				start = after;
			}
			Instant found = next(start);
			if (found != null && found.isBefore(bound)) {
				for (Instant later = next(found); later != null && later.isBefore(bound); later = next(later)) {
					found = later;
				}
				return found;
			}
			if (start.equals(after)) {
				throw new IllegalStateException("No scheduled time between " + after + " and " + bound);
			}
			window = window.multipliedBy(2);
		}
	}

	/**
	 * The scheduled times due now.
	 *
	 * @param catchUp the one time that stands for those missed, if some were; it comes
	 * before the on-time ones
	 * @param onTime the times that are due and not late, oldest first
	 */
	record Due(@Nullable Instant catchUp, List<Instant> onTime) {

		static final Due NONE = new Due(null, List.of());

		Due {
			onTime = List.copyOf(onTime);
		}

		/**
		 * Every time due, oldest first.
		 */
		List<Instant> times() {
			List<Instant> times = new ArrayList<>();
			if (this.catchUp != null) {
				times.add(this.catchUp);
			}
			times.addAll(this.onTime);
			return times;
		}

	}

}
