package dev.frontline.admin.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log, newest first, filtered by actor, action, target and time.
 */
@RestController
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	/**
	 * Lists audit events; see {@link AuditQuery#parse} for the parameters.
	 */
	@GetMapping("/api/v1/audit")
	List<AuditEvent> list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String limit) {
		return this.log.find(AuditQuery.parse(actor, action, target, from, to, limit));
	}

}
