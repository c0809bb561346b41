package dev.frontline.functions.async;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

/**
 * Two runtimes on the embedded file database, as two runtimes on one machine share it by
 * default.
 */
class SharedH2StoreIntegrationTests extends SharedStoreBehaviour {

	@TempDir
	private Path dataDir;

	@Override
	protected List<String> store() {
		return List.of("spring.datasource.url=jdbc:h2:file:" + this.dataDir.resolve("functions/async")
				+ ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000");
	}

}
