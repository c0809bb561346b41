package dev.frontline.admin.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.frontline.contract.DurationJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Waits until the database accepts a connection, retrying with a growing wait, for at
 * most {@link DatabaseProperties#startupTimeout()}; every failed attempt is logged as an
 * error that names the database and the next wait. Until then the console does not start,
 * so its readiness is never up without its store.
 * <p>
 * A pool's connection is not used for trying: a pool that cannot start logs a stack trace
 * for each attempt, which would bury what matters.
 */
class DatabaseStartup {

	private static final Log log = LogFactory.getLog(DatabaseStartup.class);

	private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

	private final DatabaseProperties properties;

	DatabaseStartup(DatabaseProperties properties) {
		this.properties = properties;
	}

	/**
	 * Returns once the database accepts a connection.
	 * @throws DatabaseUnreachable if it did not within the startup timeout
	 */
	void await(DataSource dataSource) {
		DataSource probe = probe(dataSource);
		String url = describe(dataSource);
		Duration timeout = this.properties.startupTimeout();
		long deadline = System.nanoTime() + timeout.toNanos();
		ExponentialBackOff backOff = new ExponentialBackOff(this.properties.retryInterval().toMillis(), 2);
		backOff.setMaxInterval(this.properties.maxRetryInterval().toMillis());
		BackOffExecution waits = backOff.start();
		for (int attempt = 1;; attempt++) {
			try (Connection connection = probe.getConnection()) {
				if (attempt > 1) {
					log.info("The database " + url + " is reachable after " + attempt + " attempts; starting");
				}
				return;
			}
			catch (SQLException ex) {
				long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
				if (remaining <= 0) {
					throw new DatabaseUnreachable(url, timeout, ex);
				}
				long wait = Math.min(waits.nextBackOff(), remaining);
				log.error("The database " + url + " is not reachable (" + ex.getMessage() + "); retrying in "
						+ DurationJson.format(Duration.ofMillis(wait)) + ", for at most " + DurationJson.format(timeout)
						+ " (frontline.admin.database.startup-timeout)");
				sleep(wait, url, timeout, ex);
			}
		}
	}

	private static void sleep(long millis, String url, Duration timeout, SQLException failure) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DatabaseUnreachable(url, timeout, failure);
		}
	}

	private static DataSource probe(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
			DriverManagerDataSource direct = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(),
					pool.getPassword());
			if (pool.getDriverClassName() != null) {
				direct.setDriverClassName(pool.getDriverClassName());
			}
			direct.setConnectionProperties(pool.getDataSourceProperties());
			return direct;
		}
		return dataSource;
	}

	private static String describe(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
			return PASSWORD.matcher(pool.getJdbcUrl()).replaceAll("$1****");
		}
		return dataSource.getClass().getSimpleName();
	}

}
