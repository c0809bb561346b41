package dev.frontline.admin.trigger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.fail;

/**
 * Two consoles firing triggers on the PostgreSQL server on localhost (database
 * {@code test}, user {@code postgres}), each test in a schema of its own that is dropped
 * afterwards. Skipped when the server is unreachable, unless {@code CI=true}.
 */
class TriggerSharedPostgresIntegrationTests extends SharedTriggerStoreBehaviour {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String USER = "postgres";

	private static final List<String> schemas = new ArrayList<>();

	@BeforeAll
	static void requirePostgres() {
		try (Connection connection = connect()) {
			connection.isValid(2);
		}
		catch (SQLException ex) {
			String message = "PostgreSQL is not reachable at " + SERVER + " as " + USER + ": " + ex.getMessage();
			if ("true".equals(System.getenv("CI"))) {
				fail(message + " (required because CI=true)");
			}
			Assumptions.abort(message + "; skipping the shared PostgreSQL trigger store tests");
		}
	}

	@AfterAll
	static void dropSchemas() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String schema : schemas) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
		catch (SQLException ex) {
			// Unreachable server: nothing was created.
		}
	}

	@Override
	List<String> store() {
		String schema = "frontline_triggers_" + UUID.randomUUID().toString().replace("-", "");
		schemas.add(schema);
		return List.of("--spring.datasource.url=" + SERVER + "?currentSchema=" + schema,
				"--spring.datasource.username=" + USER, "--spring.flyway.schemas=" + schema);
	}

	private static Connection connect() throws SQLException {
		DriverManager.setLoginTimeout(3);
		return DriverManager.getConnection(SERVER, USER, "");
	}

}
