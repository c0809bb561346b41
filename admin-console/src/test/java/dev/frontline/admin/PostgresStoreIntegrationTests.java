package dev.frontline.admin;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store on the PostgreSQL server on localhost (database {@code test}, user
 * {@code postgres}), in a schema of its own that is dropped afterwards. Skipped when the
 * server is unreachable, unless {@code CI=true}.
 */
@SpringBootTest(properties = "frontline.admin.seed.enabled=false")
@AutoConfigureMockMvc
@DirtiesContext
class PostgresStoreIntegrationTests extends StoreBehaviour {

	private static final String SCHEMA = LocalPostgres.newSchema("frontline_test_");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> LocalPostgres.SERVER + "?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> LocalPostgres.USER);
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@BeforeAll
	static void requirePostgres() {
		LocalPostgres.require("the PostgreSQL store tests");
	}

	@AfterAll
	static void dropSchema() {
		LocalPostgres.dropSchemas(List.of(SCHEMA));
	}

}
