package dev.frontline.functions.async;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the execution of an invocation that db-scheduler picked: starts an attempt,
 * invokes the function, and records how the attempt ended together with what becomes of
 * the execution, in one transaction: removed once the invocation is over, rescheduled for
 * a retry. Should this runtime die before that transaction commits, db-scheduler sees the
 * execution's heartbeat stop, revives it on another runtime, and the invocation is tried
 * again with the next attempt number; an invocation is never lost, and may run more than
 * once.
 */
class InvocationExecutor implements ExecutionHandler<Void> {

	/**
	 * The db-scheduler task of invocations; each execution's instance id is an invocation
	 * id.
	 */
	static final TaskDescriptor<Void> TASK = TaskDescriptor.of("frontline-async-invocation");

	private static final Log logger = LogFactory.getLog(InvocationExecutor.class);

	private final Invocations invocations;

	private final TransactionTemplate transactions;

	private final FunctionRunner runner;

	private final RetryBackoff backoff;

	private final Destinations destinations;

	private final AsyncMetrics metrics;

	private final Clock clock;

	InvocationExecutor(Invocations invocations, TransactionTemplate transactions, FunctionRunner runner,
			RetryBackoff backoff, Destinations destinations, AsyncMetrics metrics, Clock clock) {
		this.invocations = invocations;
		this.transactions = transactions;
		this.runner = runner;
		this.backoff = backoff;
		this.destinations = destinations;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
		UUID id = UUID.fromString(instance.getId());
		Start start = this.transactions.execute((status) -> start(id, this.clock.instant()));
		if (start == null || start.invocation() == null) {
			return (complete, operations) -> operations.remove();
		}
		if (start.finished() != null) {
			return (complete, operations) -> finish(start.invocation(), start.finished(), operations);
		}
		Invocation running = start.invocation();
		try {
			// A db-scheduler worker thread, which owns this execution until it returns:
			// waiting here blocks no request.
			String result = this.runner.run(running).block();
			return (complete, operations) -> succeed(running, (result != null) ? result : "null", operations);
		}
		catch (RuntimeException ex) {
			int attempt = running.state().attempts();
			AttemptFailure failure = AttemptFailure.of(ex, attempt, this.runner.timeout(), this.clock.instant());
			log(running, failure, ex);
			return (complete, operations) -> fail(running, failure, complete, operations);
		}
	}

	// Under a lock on the invocation, so that a cancellation and an attempt never both
	// go ahead.
	private Start start(UUID id, Instant now) {
		Optional<Invocation> found = this.invocations.lock(id);
		if (found.isEmpty()) {
			logger.warn("Invocation " + id + " is not in the store; its execution is dropped");
			return new Start(null, null);
		}
		Invocation invocation = found.get();
		InvocationState state = invocation.state();
		if (state.status().isFinal()) {
			return new Start(null, null);
		}
		// Still running: the runtime that ran the attempt stopped without recording how
		// it ended, and db-scheduler revived the execution here.
		AttemptError lost = (state.status() == InvocationStatus.RUNNING) ? AttemptFailure.lost(state.attempts()) : null;
		if (!now.isBefore(invocation.expiresAt())) {
			return new Start(invocation, state.deadLettered(DeadLetterReason.MAX_EVENT_AGE_EXCEEDED, lost, now));
		}
		if (lost != null && state.attempts() >= invocation.maxAttempts()) {
			return new Start(invocation, state.deadLettered(DeadLetterReason.RETRIES_EXHAUSTED, lost, now));
		}
		InvocationState started = state.started(lost, now);
		if (!this.invocations.transition(id, state, started)) {
			throw new IllegalStateException("Invocation " + id + " changed while it was locked");
		}
		return new Start(invocation.with(started), null);
	}

	private void succeed(Invocation running, String result, ExecutionOperations<Void> operations) {
		Instant now = this.clock.instant();
		InvocationState succeeded = running.state().succeeded(result, running.policy().resultTtl(), now);
		if (record(running, succeeded, operations, null, now)) {
			this.metrics.attempt(running.function(), "success");
		}
	}

	private void fail(Invocation running, AttemptFailure failure, ExecutionComplete complete,
			ExecutionOperations<Void> operations) {
		Instant now = this.clock.instant();
		InvocationState state = running.state();
		AttemptError error = failure.error();
		if (!failure.retryable()) {
			if (record(running, state.deadLettered(DeadLetterReason.NOT_RETRYABLE, error, now), operations, null,
					now)) {
				this.metrics.attempt(running.function(), "failed");
			}
			return;
		}
		if (state.attempts() >= running.maxAttempts()) {
			if (record(running, state.deadLettered(DeadLetterReason.RETRIES_EXHAUSTED, error, now), operations, null,
					now)) {
				this.metrics.attempt(running.function(), "dead_lettered");
			}
			return;
		}
		Duration delay = this.backoff.delay(state.attempts(), failure.retryAfter());
		Instant next = now.plus(delay);
		if (next.isAfter(running.expiresAt())) {
			if (record(running, state.deadLettered(DeadLetterReason.MAX_EVENT_AGE_EXCEEDED, error, now), operations,
					null, now)) {
				this.metrics.attempt(running.function(), "dead_lettered");
			}
			return;
		}
		if (record(running, state.retrying(error, next, now), operations, complete, now)) {
			this.metrics.attempt(running.function(), "retry");
		}
	}

	private void finish(Invocation invocation, InvocationState finished, ExecutionOperations<Void> operations) {
		record(invocation, finished, operations, null, this.clock.instant());
	}

	/**
	 * Records the next state of an invocation and what becomes of its execution, in one
	 * transaction; then tells the callback of an invocation that is over.
	 * @param retry the execution to reschedule for the next attempt, or {@code null} if
	 * the invocation is over and its execution goes
	 * @return whether the state was recorded: {@code false} if the invocation moved on
	 * meanwhile, as when another runtime took it for dead and revived it
	 */
	private boolean record(Invocation invocation, InvocationState next, ExecutionOperations<Void> operations,
			@Nullable ExecutionComplete retry, Instant now) {
		Invocation moved = invocation.with(next);
		Optional<Invocation> destination = (retry == null) ? this.destinations.functionInvocation(moved, now)
				: Optional.empty();
		Boolean recorded = this.transactions.execute((status) -> {
			if (!this.invocations.transition(invocation.id(), invocation.state(), next)) {
				return false;
			}
			if (retry != null) {
				operations.reschedule(retry, next.nextAttemptAt());
			}
			else if (destination.isPresent() && queue(destination.get())) {
				operations.removeAndScheduleNew(TASK.instance(destination.get().id().toString()).scheduledTo(now));
			}
			else {
				operations.remove();
			}
			return true;
		});
		if (!Boolean.TRUE.equals(recorded)) {
			logger.info("Invocation " + invocation.id() + " moved on while attempt " + invocation.state().attempts()
					+ " ran here; its outcome is not recorded");
			return false;
		}
		if (next.status().isFinal()) {
			this.metrics.finished(invocation.function(), next.status());
			destination.ifPresent((queued) -> this.destinations.queued());
			this.destinations.callBack(moved);
		}
		return true;
	}

	// A repeat of the outcome, after a runtime died between recording it and removing
	// its execution, finds the destination's invocation queued already.
	private boolean queue(Invocation destination) {
		String key = destination.idempotencyKey();
		if (key != null
				&& this.invocations.findByIdempotencyKey(destination.caller().subject(), destination.function(), key)
					.isPresent()) {
			return false;
		}
		this.invocations.insert(destination);
		return true;
	}

	private static void log(Invocation running, AttemptFailure failure, Throwable ex) {
		String attempt = "Attempt " + running.state().attempts() + " of invocation " + running.id() + " ("
				+ running.function() + ")";
		AttemptError error = failure.error();
		if (error.type().endsWith(":internal-error")) {
			logger.error(attempt + " failed unexpectedly", ex);
		}
		else if (error.status() >= 500) {
			logger.warn(attempt + " failed: " + error.status() + " " + error.detail());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(attempt + " failed: " + error.status() + " " + error.detail());
		}
	}

	/**
	 * How an execution starts.
	 *
	 * @param invocation the invocation: running, or about to finish; {@code null} if
	 * there is none to run and the execution goes
	 * @param finished the state it finishes in without an attempt, as when it grew too
	 * old; {@code null} if an attempt runs
	 */
	private record Start(@Nullable Invocation invocation, @Nullable InvocationState finished) {

	}

}
