package dev.frontline.admin;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The store on the embedded database.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:embedded-store;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
		"frontline.admin.seed.enabled=false" })
@AutoConfigureMockMvc
@DirtiesContext
class EmbeddedStoreTests extends StoreBehaviour {

}
