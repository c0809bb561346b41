package dev.frontline.functions.async;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.fail;

/**
 * Two runtimes on the PostgreSQL server on localhost (database {@code test}, user
 * {@code postgres}), in a schema of their own that is dropped afterwards, as production
 * runs them. Skipped when the server is unreachable, unless {@code CI=true}.
 */
class SharedPostgresStoreIntegrationTests extends SharedStoreBehaviour {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String USER = "postgres";

	private static final String SCHEMA = "functions_test_" + UUID.randomUUID().toString().replace("-", "");

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
			Assumptions.abort(message + "; skipping the PostgreSQL store tests");
		}
	}

	@AfterAll
	static void dropSchema() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
		catch (SQLException ex) {
			// Unreachable server: nothing was created.
		}
	}

	@Override
	protected List<String> store() {
		return List.of("spring.datasource.url=" + SERVER, "spring.datasource.username=" + USER,
				"spring.datasource.hikari.schema=" + SCHEMA, "spring.flyway.schemas=" + SCHEMA);
	}

	private static Connection connect() throws SQLException {
		DriverManager.setLoginTimeout(3);
		return DriverManager.getConnection(SERVER, USER, "");
	}

}
