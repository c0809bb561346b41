package dev.frontline.functions.async;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import dev.frontline.contract.AsyncPolicy;
import dev.frontline.functions.identity.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts invocations and changes them on request: each invocation is stored and its
 * execution scheduled in one transaction, so that no invocation is stored without an
 * execution to run it, nor the other way round. The store is shared by every runtime of a
 * cluster; any of them may run the execution.
 */
class InvocationQueue {

	static final int MAX_REDRIVE = 10_000;

	private final Invocations invocations;

	private final TransactionTemplate transactions;

	private final AsyncScheduler scheduler;

	private final AsyncMetrics metrics;

	private final Clock clock;

	InvocationQueue(Invocations invocations, TransactionTemplate transactions, AsyncScheduler scheduler,
			AsyncMetrics metrics, Clock clock) {
		this.invocations = invocations;
		this.transactions = transactions;
		this.scheduler = scheduler;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Accepts an invocation, or finds the one that the same caller asked for with the
	 * same idempotency key and input.
	 * @param function the resolved function definition
	 * @param input its checked input
	 * @param caller the caller, under whom it will run
	 * @param idempotencyKey the caller's key, or {@code null}
	 * @param policy its policy
	 * @param route the gateway route it came through, or {@code null}
	 * @return the invocation: new and queued, or the earlier one in its current state
	 * @throws IdempotencyKeyReused if the caller used the key for another input
	 */
	Invocation enqueue(String function, String input, Caller caller, @Nullable String idempotencyKey,
			AsyncPolicy policy, @Nullable String route) {
		Invocation invocation = Invocation.queued(function, route, input, caller, idempotencyKey, policy,
				this.clock.instant());
		if (idempotencyKey != null) {
			Optional<Invocation> earlier = this.invocations.findByIdempotencyKey(caller.subject(), function,
					idempotencyKey);
			if (earlier.isPresent()) {
				return repeated(earlier.get(), invocation);
			}
		}
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.invocations.insert(invocation);
				this.scheduler.client()
					.schedule(InvocationExecutor.TASK.instance(invocation.id().toString())
						.scheduledTo(invocation.createdAt()));
			});
		}
		catch (DuplicateKeyException ex) {
			// Another runtime accepted the same key at the same moment, and committed
			// first.
			if (idempotencyKey == null) {
				throw ex;
			}
			return repeated(this.invocations.findByIdempotencyKey(caller.subject(), function, idempotencyKey)
				.orElseThrow(() -> ex), invocation);
		}
		this.scheduler.checkForDueExecutions();
		return invocation;
	}

	/**
	 * An invocation of a caller.
	 * @throws InvocationNotFound if there is none with that id, or another caller asked
	 * for it
	 */
	Invocation find(String id, Caller caller) {
		return this.invocations.find(parse(id))
			.filter((invocation) -> invocation.caller().subject().equals(caller.subject()))
			.orElseThrow(() -> new InvocationNotFound(id));
	}

	/**
	 * An invocation, whoever asked for it, for operators.
	 * @throws InvocationNotFound if there is none with that id
	 */
	Invocation find(String id) {
		return this.invocations.find(parse(id)).orElseThrow(() -> new InvocationNotFound(id));
	}

	/**
	 * The dead letters, most recent first.
	 */
	List<Invocation> deadLetters(int limit) {
		return this.invocations.deadLetters(limit);
	}

	/**
	 * Cancels an invocation of a caller that is queued or between attempts, and removes
	 * its execution.
	 * @throws InvocationNotFound if the caller has no such invocation
	 * @throws InvocationNotCancellable if an attempt is running or it is over
	 */
	Invocation cancel(String id, Caller caller) {
		Invocation cancelled = this.transactions.execute((status) -> {
			Invocation invocation = this.invocations.lock(parse(id))
				.filter((found) -> found.caller().subject().equals(caller.subject()))
				.orElseThrow(() -> new InvocationNotFound(id));
			if (!InvocationStatus.WAITING.contains(invocation.state().status())) {
				throw new InvocationNotCancellable(invocation);
			}
			InvocationState next = invocation.state().cancelled(this.clock.instant());
			move(invocation, next);
			try {
				this.scheduler.client().cancel(InvocationExecutor.TASK.instanceId(invocation.id().toString()));
			}
			catch (TaskInstanceException ex) {
				// Picked by a runtime this moment, or already gone: the attempt finds it
				// cancelled and drops its execution.
			}
			return invocation.with(next);
		});
		this.metrics.finished(cancelled.function(), InvocationStatus.CANCELLED);
		return cancelled;
	}

	/**
	 * Queues a failed or dead-lettered invocation again, with its attempts and age
	 * counting anew.
	 * @throws InvocationNotFound if there is none with that id
	 * @throws InvocationNotRedrivable if it is not among the dead letters
	 */
	Invocation redrive(String id) {
		Invocation redriven = this.transactions
			.execute((status) -> redrive(this.invocations.lock(parse(id)).orElseThrow(() -> new InvocationNotFound(id)),
					this.clock.instant()));
		this.scheduler.checkForDueExecutions();
		return redriven;
	}

	/**
	 * Queues the dead letters again, the oldest {@value #MAX_REDRIVE} at most; those that
	 * fail again meanwhile are not queued twice.
	 * @return how many were queued
	 */
	int redriveAll() {
		int redriven = 0;
		for (UUID id : this.invocations.deadLetterIds(MAX_REDRIVE)) {
			Boolean done = this.transactions.execute((status) -> this.invocations.lock(id)
				.filter((invocation) -> InvocationStatus.DEAD_LETTERS.contains(invocation.state().status()))
				.map((invocation) -> redrive(invocation, this.clock.instant()))
				.isPresent());
			redriven += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		this.scheduler.checkForDueExecutions();
		return redriven;
	}

	private Invocation redrive(Invocation invocation, Instant now) {
		if (!InvocationStatus.DEAD_LETTERS.contains(invocation.state().status())) {
			throw new InvocationNotRedrivable(invocation);
		}
		InvocationState next = invocation.state().redriven(now);
		move(invocation, next);
		this.scheduler.client().schedule(InvocationExecutor.TASK.instance(invocation.id().toString()).scheduledTo(now));
		return invocation.with(next);
	}

	// Called under a lock on the invocation, so nothing can have moved it meanwhile.
	private void move(Invocation invocation, InvocationState next) {
		if (!this.invocations.transition(invocation.id(), invocation.state(), next)) {
			throw new IllegalStateException("Invocation " + invocation.id() + " changed while it was locked");
		}
	}

	private static Invocation repeated(Invocation earlier, Invocation requested) {
		if (!earlier.inputHash().equals(requested.inputHash())) {
			throw new IdempotencyKeyReused(earlier);
		}
		return earlier;
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvocationNotFound(id);
		}
	}

}
