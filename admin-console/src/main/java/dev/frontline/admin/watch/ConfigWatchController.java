package dev.frontline.admin.watch;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The watch gateways hold open: server-sent events, one {@code snapshot} event per
 * published version, resuming after the version the gateway names.
 */
@RestController
class ConfigWatchController {

	private final Watchers watchers;

	ConfigWatchController(Watchers watchers) {
		this.watchers = watchers;
	}

	@GetMapping(path = "/api/v1/config/watch", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> watch(@RequestParam(required = false) @Nullable Long since,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		long known = Math.max((since != null) ? since : 0, parse(lastEventId));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			// Proxies such as nginx would otherwise buffer the stream.
			.header("X-Accel-Buffering", "no")
			.body(this.watchers.open(known));
	}

	private static long parse(@Nullable String lastEventId) {
		if (lastEventId == null) {
			return 0;
		}
		try {
			return Long.parseLong(lastEventId.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
