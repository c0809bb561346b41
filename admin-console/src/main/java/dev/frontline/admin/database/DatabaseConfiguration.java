package dev.frontline.admin.database;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Waits for the database before the schema is migrated, which is the first thing the
 * console does with it (see {@link DatabaseStartup}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	FlywayMigrationStrategy waitForTheDatabaseThenMigrate(DatabaseProperties properties) {
		DatabaseStartup startup = new DatabaseStartup(properties);
		return (flyway) -> {
			startup.await(flyway.getConfiguration().getDataSource());
			flyway.migrate();
		};
	}

}
