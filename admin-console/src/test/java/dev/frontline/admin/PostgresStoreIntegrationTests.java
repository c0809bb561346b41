package dev.frontline.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.fail;

/**
 * The store on the PostgreSQL server on localhost (database {@code test}, user
 * {@code postgres}), in a schema of its own that is dropped afterwards. Skipped when the
 * server is unreachable, unless {@code CI=true}.
 */
@SpringBootTest(properties = "frontline.admin.seed.enabled=false")
@AutoConfigureMockMvc
@DirtiesContext
class PostgresStoreIntegrationTests extends StoreBehaviour {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String USER = "postgres";

	private static final String SCHEMA = "frontline_test_" + UUID.randomUUID().toString().replace("-", "");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

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
	static void dropSchema() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
		catch (SQLException ex) {
			// Unreachable server: nothing was created.
		}
	}

	private static Connection connect() throws SQLException {
		DriverManager.setLoginTimeout(3);
		return DriverManager.getConnection(SERVER, USER, "");
	}

}
