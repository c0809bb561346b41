package dev.frontline.admin.trigger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.frontline.admin.runtime.FunctionRuntimes;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.web.FormErrors;
import dev.frontline.admin.web.PageController;
import dev.frontline.contract.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The timer triggers pages: the list with each trigger's next fire time and last firing,
 * a trigger with its history, the forms that create and change triggers, enabling and
 * disabling, and deleting after a confirmation. Every change is checked and stored as the
 * API's are, through {@link TriggerChecks} and {@link Triggers}.
 */
@PageController
class TriggerPages {

	/** How many firings a trigger's page shows. */
	static final int HISTORY = 50;

	private final Triggers triggers;

	private final TriggerFirings firings;

	private final TriggerChecks checks;

	private final FunctionRuntimes runtimes;

	private final JsonMapper json;

	private final Clock clock = Clock.systemUTC();

	TriggerPages(Triggers triggers, TriggerFirings firings, TriggerChecks checks, FunctionRuntimes runtimes,
			JsonMapper json) {
		this.triggers = triggers;
		this.firings = firings;
		this.checks = checks;
		this.runtimes = runtimes;
		this.json = json;
	}

	@GetMapping("/triggers")
	String list(Model model) {
		Instant now = this.clock.instant();
		model.addAttribute("triggers",
				this.triggers.findAll()
					.stream()
					.map((trigger) -> new Row(trigger.view(now),
							this.firings.latest(trigger.id(), 1).stream().findFirst().orElse(null)))
					.toList());
		return "triggers/list";
	}

	@GetMapping("/triggers/new")
	String create(Model model) {
		return form(model, null, TriggerForm.blank(this.runtimes.first()), FormErrors.none());
	}

	@PostMapping("/triggers")
	String create(TriggerForm form, Author author, Model model, RedirectAttributes redirect) {
		TriggerForm.Parsed parsed = form.toRequest();
		if (parsed.request() == null) {
			return form(model, null, form, errors(parsed.errors()));
		}
		Trigger created;
		try {
			created = this.triggers.create(this.checks.check(parsed.request(), null), author);
		}
		catch (InvalidTrigger ex) {
			return form(model, null, form, errors(ex.getErrors()));
		}
		catch (TriggerExists ex) {
			return form(model, null, form,
					errors(List.of(new FieldError("id", String.valueOf(ex.getBody().getDetail())))));
		}
		redirect.addFlashAttribute("notice", "Created timer trigger " + created.id());
		return "redirect:/triggers/" + created.id();
	}

	@GetMapping("/triggers/{id}")
	String show(@PathVariable String id, Model model) {
		Trigger trigger = find(id);
		model.addAttribute("trigger", trigger.view(this.clock.instant()));
		model.addAttribute("payload",
				this.json.writerWithDefaultPrettyPrinter().writeValueAsString(trigger.definition().payload()));
		addHistory(id, model);
		return "triggers/detail";
	}

	/**
	 * The history part of a trigger's page, for the page to refresh.
	 */
	@GetMapping("/triggers/{id}/history")
	String history(@PathVariable String id, Model model) {
		find(id);
		addHistory(id, model);
		return "triggers/detail :: history";
	}

	@GetMapping("/triggers/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		return form(model, id, TriggerForm.of(find(id).definition()), FormErrors.none());
	}

	@PostMapping("/triggers/{id}")
	String update(@PathVariable String id, TriggerForm form, Author author, Model model, RedirectAttributes redirect) {
		find(id);
		TriggerForm.Parsed parsed = form.toRequest();
		if (parsed.request() == null) {
			return form(model, id, form, errors(parsed.errors()));
		}
		try {
			this.triggers.replace(this.checks.check(parsed.request(), id), author);
		}
		catch (InvalidTrigger ex) {
			return form(model, id, form, errors(ex.getErrors()));
		}
		redirect.addFlashAttribute("notice", "Updated timer trigger " + id);
		return "redirect:/triggers/" + id;
	}

	@PostMapping("/triggers/{id}/enable")
	String enable(@PathVariable String id, Author author, RedirectAttributes redirect) {
		this.triggers.enable(id, true, author);
		redirect.addFlashAttribute("notice", "Enabled timer trigger " + id);
		return "redirect:/triggers";
	}

	@PostMapping("/triggers/{id}/disable")
	String disable(@PathVariable String id, Author author, RedirectAttributes redirect) {
		this.triggers.enable(id, false, author);
		redirect.addFlashAttribute("notice", "Disabled timer trigger " + id);
		return "redirect:/triggers";
	}

	@GetMapping("/triggers/{id}/delete")
	String confirmDelete(@PathVariable String id, Model model) {
		model.addAttribute("trigger", find(id).view(this.clock.instant()));
		return "triggers/delete";
	}

	@PostMapping("/triggers/{id}/delete")
	String delete(@PathVariable String id, Author author, RedirectAttributes redirect) {
		this.triggers.delete(id, author);
		redirect.addFlashAttribute("notice", "Deleted timer trigger " + id + " and its history");
		return "redirect:/triggers";
	}

	private String form(Model model, @Nullable String editing, TriggerForm form, FormErrors errors) {
		model.addAttribute("editing", editing);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("runtimes", this.runtimes.uris());
		return "triggers/form";
	}

	private void addHistory(String id, Model model) {
		model.addAttribute("triggerId", id);
		model.addAttribute("firings", this.firings.latest(id, HISTORY));
	}

	private Trigger find(String id) {
		return this.triggers.find(id).orElseThrow(() -> new TriggerNotFound(id));
	}

	private static FormErrors errors(List<FieldError> errors) {
		return FormErrors.of(errors, TriggerForm::inputOf);
	}

	/**
	 * A trigger as the list shows it.
	 *
	 * @param trigger the trigger
	 * @param last its latest firing, if it fired yet
	 */
	record Row(Trigger.View trigger, @Nullable Firing last) {

	}

}
