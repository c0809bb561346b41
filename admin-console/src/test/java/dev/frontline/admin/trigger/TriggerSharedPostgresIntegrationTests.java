package dev.frontline.admin.trigger;

import java.util.ArrayList;
import java.util.List;

import dev.frontline.admin.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Two consoles firing triggers on the PostgreSQL server on localhost (database
 * {@code test}, user {@code postgres}), each test in a schema of its own that is dropped
 * afterwards. Skipped when the server is unreachable, unless {@code CI=true}.
 */
class TriggerSharedPostgresIntegrationTests extends SharedTriggerStoreBehaviour {

	private static final List<String> schemas = new ArrayList<>();

	@BeforeAll
	static void requirePostgres() {
		LocalPostgres.require("the shared PostgreSQL trigger store tests");
	}

	@AfterAll
	static void dropSchemas() {
		LocalPostgres.dropSchemas(schemas);
	}

	@Override
	List<String> store() {
		String schema = LocalPostgres.newSchema("frontline_triggers_");
		schemas.add(schema);
		return List.of("--spring.datasource.url=" + LocalPostgres.SERVER + "?currentSchema=" + schema,
				"--spring.datasource.username=" + LocalPostgres.USER, "--spring.flyway.schemas=" + schema);
	}

}
