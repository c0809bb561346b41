package dev.frontline.admin.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteRule;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.type.TypeReference;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Publishes the seed routes as version 1 when the store is empty. Their function
 * compositions are not checked against the runtime's catalogue: the console starts
 * before, or without, the function runtime, and the seed is known to fit the demo
 * functions.
 */
@Component
class RouteSeeder implements ApplicationRunner {

	/** Placeholder in the seed file for the function runtime's base URI. */
	static final String FUNCTIONS_URI = "{{functions-uri}}";

	private static final Log log = LogFactory.getLog(RouteSeeder.class);

	private final SeedProperties properties;

	private final SnapshotPublisher publisher;

	RouteSeeder(SeedProperties properties, SnapshotPublisher publisher) {
		this.properties = properties;
		this.publisher = publisher;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.enabled()) {
			seed().ifPresent((snapshot) -> log.info("Seeded an empty config store with " + snapshot.routes().size()
					+ " routes from " + this.properties.location()));
		}
	}

	/**
	 * Publishes the seed routes unless some version exists. The check runs under the
	 * publish lock, so instances that start together seed once.
	 */
	Optional<ConfigSnapshot> seed() {
		List<RouteRule> routes = read();
		return this.publisher.publish(Author.SYSTEM.name(), "seed",
				(current) -> (current.version() == 0) ? routes : null);
	}

	private List<RouteRule> read() {
		String json;
		try {
			json = this.properties.location().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the seed routes from " + this.properties.location(), ex);
		}
		// Replace the quoted placeholder with a JSON string, so that any URI stays valid
		// JSON.
		String uri = ConfigJson.mapper().writeValueAsString(this.properties.functionsUri());
		return ConfigJson.mapper()
			.readValue(json.replace("\"" + FUNCTIONS_URI + "\"", uri), new TypeReference<List<RouteRule>>() {
			});
	}

}
