package dev.frontline.gateway.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotFileTests {

	@TempDir
	Path directory;

	@Test
	void savesASnapshotThatLoadsBackEqual() throws IOException {
		SnapshotFile file = new SnapshotFile(this.directory.resolve("gateway/g1/last-good-snapshot.json"));
		ConfigSnapshot snapshot = snapshot(3);
		file.save(snapshot);
		assertThat(file.load()).contains(snapshot);
	}

	@Test
	void replacesTheSavedSnapshotWithoutLeavingTemporaryFiles() throws IOException {
		Path path = this.directory.resolve("last-good-snapshot.json");
		SnapshotFile file = new SnapshotFile(path);
		file.save(snapshot(1));
		file.save(snapshot(2));
		assertThat(file.load()).hasValueSatisfying((loaded) -> assertThat(loaded.version()).isEqualTo(2));
		try (var files = Files.list(this.directory)) {
			assertThat(files).containsExactly(path);
		}
	}

	@Test
	void loadsNothingWhenNoSnapshotWasSaved() {
		assertThat(new SnapshotFile(this.directory.resolve("absent.json")).load()).isEmpty();
	}

	@Test
	void loadsNothingFromAnUnreadableFile() throws IOException {
		Path path = this.directory.resolve("last-good-snapshot.json");
		Files.writeString(path, "{\"version\": ");
		assertThat(new SnapshotFile(path).load()).isEmpty();
	}

	static ConfigSnapshot snapshot(long version) {
		return ConfigSnapshot.of(version, Instant.parse("2026-11-21T10:00:00Z"), "test", List.of(RouteRule.of("product",
				RouteMatch.of("/api/products/{id}", "GET"), Target.of("http://127.0.0.1:8090", "product"))));
	}

}
