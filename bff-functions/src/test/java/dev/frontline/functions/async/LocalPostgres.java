package dev.frontline.functions.async;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * The PostgreSQL server on localhost (database {@code test}, user {@code postgres}) that
 * the store tests use, each in a schema of its own.
 */
final class LocalPostgres {

	static final String HOST = "127.0.0.1";

	static final int PORT = 5432;

	static final String SERVER = "jdbc:postgresql://" + HOST + ":" + PORT + "/test";

	static final String USER = "postgres";

	private LocalPostgres() {
	}

	/**
	 * Skips the calling tests, with a message naming them, when the server is not
	 * reachable; fails them instead when {@code CI=true}.
	 * @param tests what is skipped, such as "the PostgreSQL store tests"
	 */
	static void require(String tests) {
		try (Connection connection = connect()) {
			connection.isValid(2);
		}
		catch (SQLException ex) {
			String message = "PostgreSQL is not reachable at " + SERVER + " as " + USER + ": " + ex.getMessage();
			if ("true".equals(System.getenv("CI"))) {
				fail(message + " (required because CI=true)");
			}
			Assumptions.abort(message + "; skipping " + tests);
		}
	}

	/**
	 * A new schema name with the given prefix, unique to this run.
	 */
	static String newSchema(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * Drops a schema and everything in it; does nothing if the server is not reachable,
	 * since nothing was created then.
	 */
	static void dropSchema(String schema) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
		catch (SQLException ex) {
			// Unreachable server: nothing was created.
		}
	}

	/**
	 * A connection straight to the server.
	 */
	static Connection connect() throws SQLException {
		DriverManager.setLoginTimeout(3);
		return DriverManager.getConnection(SERVER, USER, "");
	}

}
