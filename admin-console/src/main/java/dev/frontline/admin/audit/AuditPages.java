package dev.frontline.admin.audit;

import java.util.List;

import dev.frontline.admin.web.FormErrors;
import dev.frontline.admin.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page, filtered by actor, action, target and time as the API filters it.
 */
@PageController
class AuditPages {

	/** How many events the page shows. */
	static final String SHOWN = "200";

	private final AuditLog log;

	AuditPages(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/audit")
	String list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		model.addAttribute("filter", new Filter(text(actor), text(action), text(target), text(from), text(to)));
		model.addAttribute("actions", AuditLog.ACTIONS);
		try {
			model.addAttribute("events", this.log.find(AuditQuery.parse(actor, action, target, from, to, SHOWN)));
			model.addAttribute("errors", FormErrors.none());
		}
		catch (InvalidAuditQuery ex) {
			model.addAttribute("events", List.of());
			model.addAttribute("errors", FormErrors.of(ex.getErrors(), (field) -> field));
		}
		return "audit/list";
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/**
	 * The filter as the page shows it back.
	 *
	 * @param actor the actor, or empty
	 * @param action the action, or empty
	 * @param target the target, or empty
	 * @param from the lower bound, or empty
	 * @param to the upper bound, or empty
	 */
	record Filter(String actor, String action, String target, String from, String to) {

	}

}
