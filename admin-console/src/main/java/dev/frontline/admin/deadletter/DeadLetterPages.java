package dev.frontline.admin.deadletter;

import java.util.ArrayList;
import java.util.List;

import dev.frontline.admin.runtime.RuntimeUnreachable;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.web.PageController;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dead letters pages: the merged list, one dead letter with its input and last error,
 * redriving one, and redriving all after a confirmation. Everything goes through
 * {@link DeadLetters}, as the API does, so redrives are audited alike.
 */
@PageController
class DeadLetterPages {

	/** How many dead letters the list shows. */
	static final int LISTED = 200;

	private final DeadLetters deadLetters;

	private final JsonMapper json;

	DeadLetterPages(DeadLetters deadLetters, JsonMapper json) {
		this.deadLetters = deadLetters;
		this.json = json;
	}

	@GetMapping("/dead-letters")
	String list(Model model) {
		DeadLetters.Listing listing = this.deadLetters.list(LISTED);
		model.addAttribute("deadLetters", listing.deadLetters());
		model.addAttribute("runtimeWarnings", listing.warnings());
		model.addAttribute("runtimes", this.deadLetters.runtimes());
		return "dead-letters/list";
	}

	@GetMapping("/dead-letters/{id}")
	String show(@PathVariable String id, @RequestParam(required = false) @Nullable String runtime, Model model) {
		DeadLetter deadLetter = this.deadLetters.find(runtime, id);
		model.addAttribute("deadLetter", deadLetter);
		model.addAttribute("input", pretty(deadLetter.input()));
		model.addAttribute("lastError", pretty(deadLetter.lastError()));
		return "dead-letters/detail";
	}

	@PostMapping("/dead-letters/{id}/redrive")
	String redrive(@PathVariable String id, @RequestParam(required = false) @Nullable String runtime, Author author,
			RedirectAttributes redirect) {
		try {
			DeadLetter redriven = this.deadLetters.redrive(runtime, id, author);
			redirect.addFlashAttribute("notice", "Redrove dead letter " + id + " on " + redriven.runtime() + "; it is "
					+ ((redriven.status() != null) ? redriven.status() : "queued") + " again");
		}
		catch (DeadLetterNotFound | DeadLetterNotRedrivable | RuntimeUnreachable | InvalidDeadLetterRequest ex) {
			redirect.addFlashAttribute("problems", List.of(refusal(ex)));
		}
		return "redirect:/dead-letters";
	}

	@GetMapping("/dead-letters/redrive")
	String confirmRedriveAll(Model model) {
		model.addAttribute("runtimes", this.deadLetters.runtimes());
		return "dead-letters/redrive-all";
	}

	@PostMapping("/dead-letters/redrive")
	String redriveAll(Author author, RedirectAttributes redirect) {
		Redriven redriven;
		try {
			redriven = this.deadLetters.redriveAll(null, author);
		}
		catch (RuntimeUnreachable ex) {
			redirect.addFlashAttribute("problems", List.of("Redrove nothing: " + refusal(ex)));
			return "redirect:/dead-letters";
		}
		List<String> problems = new ArrayList<>();
		for (Redriven.OnRuntime one : redriven.runtimes()) {
			if (one.error() != null) {
				problems.add(one.error());
			}
		}
		redirect.addFlashAttribute("notice", "Redrove " + DeadLetters.count(redriven.redriven()));
		redirect.addFlashAttribute("problems", problems);
		return "redirect:/dead-letters";
	}

	private @Nullable String pretty(@Nullable JsonNode node) {
		return (node != null) ? this.json.writerWithDefaultPrettyPrinter().writeValueAsString(node) : null;
	}

	private static String refusal(ErrorResponseException ex) {
		if (ex instanceof InvalidDeadLetterRequest invalid) {
			return invalid.getError().field() + " " + invalid.getError().message();
		}
		return String.valueOf(ex.getBody().getDetail());
	}

}
