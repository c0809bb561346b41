package dev.frontline.gateway.config;

import java.io.IOException;

import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.gateway.routing.InvalidSnapshot;
import dev.frontline.gateway.routing.SnapshotRouteLocator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Applies the snapshots offered to the gateway, newest version only, and remembers the
 * one it holds and the last error. A snapshot that fails to apply leaves the current one
 * in place, like a NACK; one that applies is saved as the last good snapshot.
 */
final class SnapshotApplier {

	private static final Log logger = LogFactory.getLog(SnapshotApplier.class);

	private final SnapshotRouteLocator routes;

	private final SnapshotFile file;

	private volatile Applied applied = new Applied(0, null, null);

	SnapshotApplier(SnapshotRouteLocator routes, SnapshotFile file) {
		this.routes = routes;
		this.file = file;
	}

	/**
	 * What the gateway holds now.
	 */
	Applied applied() {
		return this.applied;
	}

	/**
	 * Applies the saved snapshot, if there is one, without saving it again.
	 */
	synchronized void restoreSaved() {
		this.file.load().ifPresent((snapshot) -> {
			if (offer(snapshot, false) == Outcome.APPLIED) {
				logger.info("Serving config snapshot " + snapshot.version() + " saved at " + this.file.path());
			}
		});
	}

	/**
	 * Applies a snapshot in its JSON form, as the control plane sends it.
	 */
	synchronized Outcome offer(String json) {
		ConfigSnapshot snapshot;
		try {
			snapshot = ConfigJson.readSnapshot(json);
		}
		catch (RuntimeException ex) {
			return reject("unreadable snapshot: " + ex.getMessage());
		}
		return offer(snapshot, true);
	}

	/**
	 * Applies the snapshot unless the gateway holds the same or a newer version.
	 */
	synchronized Outcome offer(ConfigSnapshot snapshot, boolean save) {
		Applied current = this.applied;
		if (snapshot.version() <= current.version()) {
			logger.debug("Ignoring config snapshot " + snapshot.version() + ", holding " + current.version());
			return Outcome.STALE;
		}
		try {
			this.routes.apply(snapshot);
		}
		catch (InvalidSnapshot ex) {
			return reject(ex.getMessage());
		}
		catch (RuntimeException ex) {
			return reject("snapshot " + snapshot.version() + " cannot be applied: " + ex);
		}
		this.applied = new Applied(snapshot.version(), snapshot.hash(), null);
		logger.info("Applied config snapshot " + snapshot.version() + " with " + snapshot.routes().size() + " routes ("
				+ snapshot.hash() + ")");
		if (save) {
			save(snapshot);
		}
		return Outcome.APPLIED;
	}

	private Outcome reject(String error) {
		Applied current = this.applied;
		this.applied = new Applied(current.version(), current.hash(), error);
		logger.warn("Rejected a config snapshot, keeping version " + current.version() + ": " + error);
		return Outcome.REJECTED;
	}

	private void save(ConfigSnapshot snapshot) {
		try {
			this.file.save(snapshot);
		}
		catch (IOException | RuntimeException ex) {
			// Serving matters more than the copy on disk; the next snapshot tries again.
			logger.warn("Could not save config snapshot " + snapshot.version() + " to " + this.file.path() + ": "
					+ ex.getMessage());
		}
	}

	/**
	 * The snapshot a gateway holds and the outcome of the last attempt to apply one.
	 *
	 * @param version the version held; 0 when the gateway holds no snapshot
	 * @param hash the hash of the snapshot held; {@code null} when it holds none
	 * @param error why the last snapshot offered could not be applied; {@code null} if it
	 * applied
	 */
	record Applied(long version, @Nullable String hash, @Nullable String error) {

		boolean holdsSnapshot() {
			return this.hash != null;
		}

	}

	/** What became of an offered snapshot. */
	enum Outcome {

		/** It routes requests now. */
		APPLIED,

		/** The gateway holds the same or a newer version. */
		STALE,

		/** It is invalid; the gateway keeps what it holds. */
		REJECTED

	}

}
