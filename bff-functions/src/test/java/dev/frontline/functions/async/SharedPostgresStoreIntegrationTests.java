package dev.frontline.functions.async;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Two runtimes on the PostgreSQL server on localhost (database {@code test}, user
 * {@code postgres}), in a schema of their own that is dropped afterwards, as production
 * runs them. Skipped when the server is unreachable, unless {@code CI=true}.
 */
class SharedPostgresStoreIntegrationTests extends SharedStoreBehaviour {

	private static final String SCHEMA = LocalPostgres.newSchema("functions_test_");

	@BeforeAll
	static void requirePostgres() {
		LocalPostgres.require("the PostgreSQL store tests");
	}

	@AfterAll
	static void dropSchema() {
		LocalPostgres.dropSchema(SCHEMA);
	}

	@Override
	protected List<String> store() {
		return List.of("spring.datasource.url=" + LocalPostgres.SERVER,
				"spring.datasource.username=" + LocalPostgres.USER, "spring.datasource.hikari.schema=" + SCHEMA,
				"spring.flyway.schemas=" + SCHEMA);
	}

}
