package dev.frontline.admin.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.frontline.admin.audit.AuditLog;
import dev.frontline.admin.runtime.FunctionRuntimes;
import dev.frontline.admin.runtime.RuntimeAnswer;
import dev.frontline.admin.runtime.RuntimeUnreachable;
import dev.frontline.admin.security.Author;
import dev.frontline.contract.FieldError;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead letters of the configured function runtimes, read and redriven through their
 * operator endpoints. Only configured runtimes are called, so that nobody can make the
 * console send its token elsewhere. A redrive is audited once the runtime has queued the
 * invocation again.
 */
@Component
class DeadLetters {

	/** The most dead letters a list asks each runtime for, as runtimes allow. */
	static final int MAX_LIMIT = 500;

	private static final List<String> DEAD_LETTERS = List.of("async", "dead-letters");

	private static final Log log = LogFactory.getLog(DeadLetters.class);

	private final FunctionRuntimes runtimes;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	DeadLetters(FunctionRuntimes runtimes, AuditLog audit, PlatformTransactionManager transactionManager) {
		this.runtimes = runtimes;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * The configured runtimes, for pages to offer.
	 */
	List<String> runtimes() {
		return this.runtimes.uris();
	}

	/**
	 * The dead letters of every runtime, newest first. A runtime that cannot be used is
	 * left out, with a warning.
	 * @param limit at most this many, from 1 to {@value #MAX_LIMIT}
	 * @throws InvalidDeadLetterRequest if the limit is out of range
	 */
	Listing list(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidDeadLetterRequest(new FieldError("limit", "must be from 1 to " + MAX_LIMIT));
		}
		List<DeadLetter> all = new ArrayList<>();
		List<RuntimeUnreachable> failures = new ArrayList<>();
		for (String runtime : this.runtimes.uris()) {
			try {
				all.addAll(list(runtime, limit));
			}
			catch (RuntimeUnreachable ex) {
				log.warn(ex.getMessage() + "; listing the dead letters of the other runtimes");
				failures.add(ex);
			}
		}
		all.sort(DeadLetter.NEWEST_FIRST);
		return new Listing(all.subList(0, Math.min(limit, all.size())), failures);
	}

	/**
	 * Everything the runtime stores about a dead letter, its input included.
	 * @param runtime a configured runtime; {@code null} or blank for the first
	 * @throws InvalidDeadLetterRequest if the runtime is not configured
	 * @throws DeadLetterNotFound if the runtime has no such invocation
	 * @throws RuntimeUnreachable if the runtime cannot be used
	 */
	DeadLetter find(@Nullable String runtime, String id) {
		String uri = runtime(runtime);
		RuntimeAnswer answer = this.runtimes.call(HttpMethod.GET, uri, segments(id), Map.of());
		if (answer.status() == 404 || answer.status() == 400) {
			throw new DeadLetterNotFound(uri, id);
		}
		return read(answer);
	}

	/**
	 * Queues a dead letter again, on its runtime, and audits it.
	 * @param runtime a configured runtime; {@code null} or blank for the first
	 * @return the invocation as the runtime answers, queued again
	 * @throws InvalidDeadLetterRequest if the runtime is not configured
	 * @throws DeadLetterNotFound if the runtime has no such invocation
	 * @throws DeadLetterNotRedrivable if the invocation is not a dead letter
	 * @throws RuntimeUnreachable if the runtime cannot be used
	 */
	DeadLetter redrive(@Nullable String runtime, String id, Author author) {
		String uri = runtime(runtime);
		List<String> path = new ArrayList<>(segments(id));
		path.add("redrive");
		RuntimeAnswer answer = this.runtimes.call(HttpMethod.POST, uri, path, Map.of());
		if (answer.status() == 404 || answer.status() == 400) {
			throw new DeadLetterNotFound(uri, id);
		}
		if (answer.status() == 409) {
			throw new DeadLetterNotRedrivable(uri, id, answer.problem());
		}
		DeadLetter redriven = read(answer);
		this.transactions.executeWithoutResult((status) -> this.audit.record(author.name(), "dead-letter.redrive",
				"dead-letter/" + id, "on " + uri + ": " + ((redriven.status() != null) ? redriven.status() : "queued")
						+ " again" + ((redriven.function() != null) ? ", function " + redriven.function() : "")));
		return redriven;
	}

	/**
	 * Queues every dead letter again, on one configured runtime or on all, and audits
	 * what each runtime redrove.
	 * @param runtime a configured runtime; {@code null} or blank for all of them
	 * @throws InvalidDeadLetterRequest if the runtime is not configured
	 * @throws RuntimeUnreachable if no runtime could be used
	 */
	Redriven redriveAll(@Nullable String runtime, Author author) {
		List<String> targets = (runtime == null || runtime.isBlank()) ? this.runtimes.uris()
				: List.of(runtime(runtime));
		List<Redriven.OnRuntime> done = new ArrayList<>();
		List<RuntimeUnreachable> failures = new ArrayList<>();
		for (String target : targets) {
			try {
				int count = redriveAll(target);
				this.transactions.executeWithoutResult((status) -> this.audit.record(author.name(),
						"dead-letter.redrive-all", "runtime/" + target, "queued " + count(count) + " again"));
				done.add(new Redriven.OnRuntime(target, count, null));
			}
			catch (RuntimeUnreachable ex) {
				log.warn(ex.getMessage() + "; redriving the dead letters of the other runtimes");
				failures.add(ex);
				done.add(new Redriven.OnRuntime(target, null, ex.getBody().getDetail()));
			}
		}
		if (failures.size() == targets.size()) {
			throw failures.get(0);
		}
		return new Redriven(done.stream().mapToInt((one) -> (one.redriven() != null) ? one.redriven() : 0).sum(), done);
	}

	private List<DeadLetter> list(String runtime, int limit) {
		RuntimeAnswer answer = this.runtimes.call(HttpMethod.GET, runtime, DEAD_LETTERS,
				Map.of("limit", String.valueOf(limit)));
		if (!answer.successful()) {
			throw new RuntimeUnreachable(runtime, answer.problem(), null);
		}
		JsonNode json = answer.json();
		if (!json.isArray()) {
			throw new RuntimeUnreachable(runtime, "it answered " + answer.status() + " with JSON that is not an array",
					null);
		}
		List<DeadLetter> letters = new ArrayList<>();
		for (JsonNode entry : json) {
			DeadLetter letter = DeadLetter.of(runtime, entry);
			if (letter != null) {
				letters.add(letter);
			}
		}
		return letters;
	}

	private int redriveAll(String runtime) {
		List<String> path = new ArrayList<>(DEAD_LETTERS);
		path.add("redrive");
		RuntimeAnswer answer = this.runtimes.call(HttpMethod.POST, runtime, path, Map.of());
		if (!answer.successful()) {
			throw new RuntimeUnreachable(runtime, answer.problem(), null);
		}
		JsonNode json = answer.json();
		// Runtimes answer {"redriven": n}; a bare count or {"count": n} is read too.
		JsonNode count = json.isObject() ? json.has("redriven") ? json.get("redriven") : json.get("count") : json;
		if (count == null || !count.isIntegralNumber()) {
			throw new RuntimeUnreachable(runtime, "it answered " + answer.status() + " without a count", null);
		}
		return count.asInt();
	}

	private DeadLetter read(RuntimeAnswer answer) {
		if (!answer.successful()) {
			throw new RuntimeUnreachable(answer.runtime(), answer.problem(), null);
		}
		DeadLetter letter = DeadLetter.of(answer.runtime(), answer.json());
		if (letter == null) {
			throw new RuntimeUnreachable(answer.runtime(),
					"it answered " + answer.status() + " without the invocation's id", null);
		}
		return letter;
	}

	private String runtime(@Nullable String runtime) {
		if (runtime == null || runtime.isBlank()) {
			return this.runtimes.first();
		}
		return this.runtimes.configured(runtime)
			.orElseThrow(() -> new InvalidDeadLetterRequest(new FieldError("runtime",
					"must be one of the configured function runtimes: " + String.join(", ", this.runtimes.uris()))));
	}

	/**
	 * A number of dead letters, for people.
	 */
	static String count(int count) {
		return count + ((count == 1) ? " dead letter" : " dead letters");
	}

	private static List<String> segments(String id) {
		List<String> path = new ArrayList<>(DEAD_LETTERS);
		path.add(id);
		return path;
	}

	/**
	 * The dead letters of the runtimes that could be used.
	 *
	 * @param deadLetters the dead letters, newest first
	 * @param unreachable the runtimes that could not be used, and why
	 */
	record Listing(List<DeadLetter> deadLetters, List<RuntimeUnreachable> unreachable) {

		Listing {
			deadLetters = List.copyOf(deadLetters);
			unreachable = List.copyOf(unreachable);
		}

		/**
		 * A warning for each runtime left out, as the API's warning headers and the page
		 * show them.
		 */
		List<String> warnings() {
			return this.unreachable.stream()
				.map((failure) -> "function runtime " + failure.runtime() + " unreachable (" + failure.reason()
						+ "); its dead letters are not listed")
				.toList();
		}

	}

}
