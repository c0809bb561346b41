package dev.frontline.gateway.config;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

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
 * in place, like a NACK; one that applies is saved as the last good snapshot. Each
 * rejection is logged, kept as the last error (which the heartbeat and the health
 * endpoint report) and counted by {@link Rejection reason}.
 */
final class SnapshotApplier {

	private static final Log logger = LogFactory.getLog(SnapshotApplier.class);

	private final SnapshotRouteLocator routes;

	private final SnapshotFile file;

	private volatile Applied applied = new Applied(0, null, null);

	private final Map<Rejection, AtomicLong> rejections = new EnumMap<>(Rejection.class);

	SnapshotApplier(SnapshotRouteLocator routes, SnapshotFile file) {
		this.routes = routes;
		this.file = file;
		for (Rejection reason : Rejection.values()) {
			this.rejections.put(reason, new AtomicLong());
		}
	}

	/**
	 * What the gateway holds now.
	 */
	Applied applied() {
		return this.applied;
	}

	/**
	 * How many snapshots were rejected for the given reason since the gateway started.
	 */
	long rejections(Rejection reason) {
		return this.rejections.get(reason).get();
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
			return reject(Rejection.UNREADABLE, "unreadable snapshot: " + ex.getMessage());
		}
		return offer(snapshot, true);
	}

	/**
	 * Applies the snapshot if it is newer than the one the gateway holds. The one it
	 * holds, offered again, is ignored. An older version, or another snapshot under the
	 * version held, is rejected: the control plane only ever publishes newer versions, so
	 * either means that it lost its history or that two control planes feed the gateway.
	 */
	synchronized Outcome offer(ConfigSnapshot snapshot, boolean save) {
		Applied current = this.applied;
		boolean held = snapshot.version() == current.version() && Objects.equals(snapshot.hash(), current.hash());
		if (held || (snapshot.version() <= current.version() && !current.holdsSnapshot())) {
			logger.debug("Ignoring config snapshot " + snapshot.version() + ", holding " + current.version());
			return Outcome.STALE;
		}
		if (snapshot.version() <= current.version()) {
			String which = (snapshot.version() < current.version()) ? " is older than the version held"
					: " differs from the snapshot held under the same version";
			return reject(Rejection.OUT_OF_ORDER,
					"snapshot " + snapshot.version() + which + " (" + current.version() + ", " + current.hash() + ")");
		}
		try {
			this.routes.apply(snapshot);
		}
		catch (InvalidSnapshot ex) {
			return reject(Rejection.INVALID, ex.getMessage());
		}
		catch (RuntimeException ex) {
			return reject(Rejection.INVALID, "snapshot " + snapshot.version() + " cannot be applied: " + ex);
		}
		this.applied = new Applied(snapshot.version(), snapshot.hash(), null);
		logger.info("Applied config snapshot " + snapshot.version() + " with " + snapshot.routes().size() + " routes ("
				+ snapshot.hash() + ")");
		if (save) {
			save(snapshot);
		}
		return Outcome.APPLIED;
	}

	private Outcome reject(Rejection reason, String error) {
		Applied current = this.applied;
		this.applied = new Applied(current.version(), current.hash(), error);
		this.rejections.get(reason).incrementAndGet();
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

		/** The gateway holds it already. */
		STALE,

		/** It cannot be applied; the gateway keeps what it holds. */
		REJECTED

	}

	/** Why a snapshot was rejected. */
	enum Rejection {

		/** It is no snapshot in JSON. */
		UNREADABLE("unreadable"),

		/**
		 * It breaks a constraint of the contract, its hash does not match its content, or
		 * a route does not compile.
		 */
		INVALID("invalid"),

		/** Its version is not newer than the one held, yet it is another snapshot. */
		OUT_OF_ORDER("out_of_order");

		private final String tag;

		Rejection(String tag) {
			this.tag = tag;
		}

		/** The reason as a metric tag. */
		String tag() {
			return this.tag;
		}

	}

}
