package dev.frontline.admin.trigger;

import java.util.List;
import java.util.UUID;

/**
 * Two consoles firing triggers on one embedded database.
 */
class TriggerSharedStoreTests extends SharedTriggerStoreBehaviour {

	@Override
	List<String> store() {
		return List.of("--spring.datasource.url=jdbc:h2:mem:triggers-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
	}

}
