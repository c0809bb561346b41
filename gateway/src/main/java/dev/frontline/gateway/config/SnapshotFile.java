package dev.frontline.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The last good snapshot on disk, so that a gateway can restart while the control plane
 * is down. Written to a temporary file first and moved into place, so that a crash never
 * leaves half a snapshot.
 */
final class SnapshotFile {

	private static final Log logger = LogFactory.getLog(SnapshotFile.class);

	private final Path path;

	SnapshotFile(Path path) {
		this.path = path.toAbsolutePath().normalize();
	}

	Path path() {
		return this.path;
	}

	/**
	 * The saved snapshot, if there is a readable one.
	 */
	Optional<ConfigSnapshot> load() {
		if (!Files.isRegularFile(this.path)) {
			logger.info("No saved config snapshot at " + this.path);
			return Optional.empty();
		}
		try {
			String json = Files.readString(this.path, StandardCharsets.UTF_8);
			return Optional.of(ConfigJson.readSnapshot(json));
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Ignoring unreadable config snapshot at " + this.path + ": " + ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * Replaces the saved snapshot with the given one.
	 * @throws IOException if the snapshot cannot be written
	 */
	void save(ConfigSnapshot snapshot) throws IOException {
		Path directory = this.path.getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, this.path.getFileName().toString(), ".tmp");
		try {
			Files.writeString(temporary, ConfigJson.write(snapshot), StandardCharsets.UTF_8);
			try {
				Files.move(temporary, this.path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, this.path, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
