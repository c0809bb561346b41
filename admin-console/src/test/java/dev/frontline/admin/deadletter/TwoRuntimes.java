package dev.frontline.admin.deadletter;

import java.time.Instant;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.AsyncRuntimeStub;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console of {@link ApiTest}, on a database of its own, configured with two function
 * runtimes that the tests run in this process. The test classes that extend this one
 * share the runtimes and the console.
 */
abstract class TwoRuntimes {

	/** The first configured runtime. */
	static final AsyncRuntimeStub FIRST = AsyncRuntimeStub.start(ApiTest.TOKEN);

	/** The second configured runtime. */
	static final AsyncRuntimeStub SECOND = AsyncRuntimeStub.start(ApiTest.TOKEN);

	/** When the runtimes' dead letters went dead, a minute apart. */
	static final Instant EARLY = Instant.parse("2026-03-01T10:00:00Z");

	@DynamicPropertySource
	static void runtimes(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:mem:dead-letter-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
						+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		registry.add("frontline.admin.runtimes.uris[0]", FIRST::uri);
		// A trailing slash is ignored.
		registry.add("frontline.admin.runtimes.uris[1]", () -> SECOND.uri() + "/");
		registry.add("frontline.admin.runtimes.read-timeout", () -> "2s");
	}

	/**
	 * Gives each runtime one dead letter: the second one's is the newer.
	 */
	@BeforeEach
	void holdOneDeadLetterEach() {
		FIRST.reset().deadLetter("first-1", "orderPlaced", EARLY, "{\"order\": 1}", """
				{"type": "urn:frontline:problem:backend-unavailable", "title": "Backend unavailable", "status": 503,
				 "detail": "orders timed out", "attempt": 4}""");
		SECOND.reset()
			.deadLetter("second-1", "mailSent", EARLY.plusSeconds(60), "{\"to\": \"bob\"}", "\"plain text error\"");
	}

}
