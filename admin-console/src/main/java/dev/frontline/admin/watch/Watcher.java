package dev.frontline.admin.watch;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open watch, and the latest version it was sent.
 */
final class Watcher {

	private final SseEmitter emitter;

	private long sentVersion;

	Watcher(SseEmitter emitter, long knownVersion) {
		this.emitter = emitter;
		this.sentVersion = knownVersion;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	/**
	 * Sends a snapshot unless the watcher has it or a newer one. Synchronized, so that
	 * versions arrive in order when a publish and a poll race.
	 * @return false if the connection is broken
	 */
	synchronized boolean offer(long version, String json) {
		if (version <= this.sentVersion) {
			return true;
		}
		try {
			this.emitter.send(SseEmitter.event().name("snapshot").id(String.valueOf(version)).data(json));
			this.sentVersion = version;
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * Sends a keep-alive comment.
	 * @return false if the connection is broken
	 */
	synchronized boolean ping() {
		try {
			this.emitter.send(SseEmitter.event().comment("ping"));
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
