package dev.frontline.functions.async;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The db-scheduler {@link Scheduler} of this runtime, on the runtime's database. Its
 * executions are invocations ({@link InvocationExecutor}) and, every
 * {@code frontline.async.cleanup-interval} on one runtime of the cluster, the deletion of
 * expired results and old invocations.
 * <p>
 * It starts once the application is ready, so that no attempt runs before every function
 * is, and stops before the web server does, letting running attempts finish within
 * {@code frontline.async.shutdown-grace}. It reaches the database through a
 * transaction-aware proxy, so that what it writes within a Spring transaction (a new
 * execution, a removed one) commits or rolls back with the rest of it.
 */
class AsyncScheduler implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

	/**
	 * The db-scheduler task that deletes expired results and old invocations.
	 */
	static final String CLEANUP_TASK = "frontline-async-cleanup";

	private final Scheduler scheduler;

	private final boolean runInvocations;

	private final AtomicBoolean running = new AtomicBoolean();

	AsyncScheduler(DataSource dataSource, AsyncProperties properties, InvocationExecutor executor,
			Invocations invocations, Clock clock) {
		CustomTask<Void> invocation = Tasks.custom(InvocationExecutor.TASK)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(properties.backoffBase()))
			.onDeadExecutionRevive()
			.execute(executor);
		RecurringTask<Void> cleanup = Tasks.recurring(CLEANUP_TASK, FixedDelay.of(properties.cleanupInterval()))
			.execute((instance, context) -> invocations.clean(clock.instant(), properties.retention(),
					properties.deadLetterRetention()));
		this.runInvocations = properties.runInvocations();
		this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), invocation)
			.startTasks(cleanup)
			.schedulerName(new SchedulerName.Fixed(name()))
			.threads(properties.threads())
			.pollingInterval(properties.pollingInterval())
			.heartbeatInterval(properties.heartbeatInterval())
			.missedHeartbeatsLimit(properties.missedHeartbeats())
			.shutdownMaxWait(properties.shutdownGrace())
			.commitWhenAutocommitDisabled(false)
			.build();
	}

	/**
	 * Schedules and cancels executions; usable before the scheduler starts, and within a
	 * transaction.
	 */
	SchedulerClient client() {
		return this.scheduler;
	}

	/**
	 * Looks for due executions now, rather than at the next poll: for an invocation that
	 * was just committed.
	 */
	void checkForDueExecutions() {
		if (this.running.get()) {
			this.scheduler.triggerCheckForDueExecutions();
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.runInvocations) {
			start();
		}
	}

	@Override
	public void start() {
		if (this.running.compareAndSet(false, true)) {
			this.scheduler.start();
		}
	}

	@Override
	public void stop() {
		if (this.running.compareAndSet(true, false)) {
			this.scheduler.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running.get();
	}

	// Started by readiness, not with the other lifecycle beans.
	@Override
	public boolean isAutoStartup() {
		return false;
	}

	// Stopped before the web server's graceful shutdown, so that the attempts get a
	// grace period of their own while the runtime still serves and can call backends.
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 512;
	}

	// Unique per runtime, so that the store tells which runtime runs an execution, even
	// for several on one host.
	private static String name() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
