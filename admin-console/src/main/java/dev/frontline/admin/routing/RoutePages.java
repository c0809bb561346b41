package dev.frontline.admin.routing;

import java.util.Comparator;
import java.util.List;

import dev.frontline.admin.release.ReleaseActive;
import dev.frontline.admin.release.Releases;
import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.InvalidSnapshot;
import dev.frontline.admin.web.FormErrors;
import dev.frontline.admin.web.JsonReadErrors;
import dev.frontline.admin.web.PageController;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteRule;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routes pages: the list with its filter, a route, and the forms that create, change
 * and delete routes. Every change goes through {@link RouteRules}, as the API's do, so it
 * is checked, published and audited alike; its field errors are shown next to the inputs.
 */
@PageController
class RoutePages {

	private final RouteRules rules;

	private final Releases releases;

	private final JsonMapper json;

	RoutePages(RouteRules rules, Releases releases, JsonMapper json) {
		this.rules = rules;
		this.releases = releases;
		this.json = json;
	}

	@GetMapping("/routes")
	String list(@RequestParam(defaultValue = "") String q, Model model) {
		ConfigSnapshot current = this.rules.current();
		List<RouteRow> routes = current.routes()
			.stream()
			.filter((route) -> RouteRow.matches(route, q))
			.sorted(Comparator.comparingInt(RouteRule::order).thenComparing(RouteRule::id))
			.map(RouteRow::of)
			.toList();
		model.addAttribute("routes", routes);
		model.addAttribute("q", q);
		model.addAttribute("total", current.routes().size());
		model.addAttribute("version", current.version());
		return "routes/list";
	}

	@GetMapping("/routes/{id}")
	String show(@PathVariable String id, Model model) {
		RouteRule route = find(id);
		model.addAttribute("route", RouteRow.of(route));
		model.addAttribute("json", pretty(route));
		model.addAttribute("activeRelease", this.releases.activeOn(id).orElse(null));
		return "routes/detail";
	}

	@GetMapping("/routes/new")
	String create(Model model) {
		return form(model, null, RouteForm.blank(), FormErrors.none(), "", FormErrors.none());
	}

	@PostMapping("/routes")
	String create(RouteForm form, Author author, Model model, RedirectAttributes redirect) {
		RouteForm.Parsed parsed = form.toRule(null);
		if (parsed.rule() == null) {
			return form(model, null, form, errors(parsed.errors()), "", FormErrors.none());
		}
		try {
			return created(this.rules.create(parsed.rule(), author), parsed.rule().id(), redirect);
		}
		catch (InvalidRouteRule | RouteExists | ReleaseActive | InvalidSnapshot ex) {
			return form(model, null, form, refused(ex), "", FormErrors.none());
		}
	}

	@PostMapping("/routes/json")
	String createFromJson(@RequestParam(defaultValue = "") String json, Author author, Model model,
			RedirectAttributes redirect) {
		RouteRule route;
		try {
			route = this.json.readValue(json, RouteRule.class);
		}
		catch (JacksonException ex) {
			return form(model, null, RouteForm.blank(), FormErrors.none(), json,
					jsonErrors(List.of(JsonReadErrors.of(ex))));
		}
		try {
			return created(this.rules.create(route, author), route.id(), redirect);
		}
		catch (InvalidRouteRule | RouteExists | ReleaseActive | InvalidSnapshot ex) {
			return form(model, null, RouteForm.blank(), FormErrors.none(), json, jsonRefused(ex));
		}
	}

	@GetMapping("/routes/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		RouteRule route = find(id);
		return form(model, id, RouteForm.of(route), FormErrors.none(), pretty(route), FormErrors.none());
	}

	@PostMapping("/routes/{id}")
	String update(@PathVariable String id, RouteForm form, Author author, Model model, RedirectAttributes redirect) {
		RouteRule edited = find(id);
		RouteForm.Parsed parsed = form.toRule(edited);
		if (parsed.rule() == null) {
			return form(model, id, form, errors(parsed.errors()), pretty(edited), FormErrors.none());
		}
		try {
			return updated(this.rules.replace(id, parsed.rule(), author), id, redirect);
		}
		catch (InvalidRouteRule | RouteExists | ReleaseActive | InvalidSnapshot ex) {
			return form(model, id, form, refused(ex), pretty(edited), FormErrors.none());
		}
	}

	@PostMapping("/routes/{id}/json")
	String updateFromJson(@PathVariable String id, @RequestParam(defaultValue = "") String json, Author author,
			Model model, RedirectAttributes redirect) {
		RouteForm shown = RouteForm.of(find(id));
		RouteRule route;
		try {
			route = this.json.readValue(json, RouteRule.class);
		}
		catch (JacksonException ex) {
			return form(model, id, shown, FormErrors.none(), json, jsonErrors(List.of(JsonReadErrors.of(ex))));
		}
		try {
			return updated(this.rules.replace(id, route, author), id, redirect);
		}
		catch (InvalidRouteRule | RouteExists | ReleaseActive | InvalidSnapshot ex) {
			return form(model, id, shown, FormErrors.none(), json, jsonRefused(ex));
		}
	}

	@GetMapping("/routes/{id}/delete")
	String confirmDelete(@PathVariable String id, Model model) {
		model.addAttribute("route", RouteRow.of(find(id)));
		return "routes/delete";
	}

	@PostMapping("/routes/{id}/delete")
	String delete(@PathVariable String id, Author author, Model model, RedirectAttributes redirect) {
		RouteRule route = find(id);
		ConfigSnapshot published;
		try {
			published = this.rules.delete(id, author);
		}
		catch (ReleaseActive ex) {
			model.addAttribute("route", RouteRow.of(route));
			model.addAttribute("refusal", ex.getBody().getDetail());
			return "routes/delete";
		}
		redirect.addFlashAttribute("notice", "Deleted route " + id + "; published as version " + published.version());
		return "redirect:/routes";
	}

	private String form(Model model, @Nullable String editing, RouteForm form, FormErrors errors, String json,
			FormErrors jsonErrors) {
		model.addAttribute("editing", editing);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("json", json);
		model.addAttribute("jsonErrors", jsonErrors);
		model.addAttribute("methods", RouteForm.METHODS);
		return "routes/form";
	}

	private static String created(RouteRules.Written written, String id, RedirectAttributes redirect) {
		return published("Created route " + id, written, id, redirect);
	}

	private static String updated(RouteRules.Written written, String id, RedirectAttributes redirect) {
		return published("Updated route " + id, written, id, redirect);
	}

	private static String published(String change, RouteRules.Written written, String id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", change + "; published as version " + written.snapshot().version());
		redirect.addFlashAttribute("warnings", written.warnings());
		return "redirect:/routes/" + id;
	}

	/**
	 * The errors of a refused change, placed by input.
	 */
	private static FormErrors refused(ErrorResponseException ex) {
		return FormErrors.of(refusal(ex), RouteForm::inputOf);
	}

	private static FormErrors jsonRefused(ErrorResponseException ex) {
		return jsonErrors(refusal(ex));
	}

	private static List<FieldError> refusal(ErrorResponseException ex) {
		if (ex instanceof InvalidRouteRule invalid) {
			return invalid.getErrors();
		}
		if (ex instanceof InvalidSnapshot invalid) {
			return invalid.getErrors();
		}
		// An existing id is the id's problem; an active release, the whole change's.
		String field = (ex instanceof RouteExists) ? "id" : JsonReadErrors.ROOT;
		return List.of(new FieldError(field, String.valueOf(ex.getBody().getDetail())));
	}

	private static FormErrors errors(List<FieldError> errors) {
		return FormErrors.of(errors, RouteForm::inputOf);
	}

	private static FormErrors jsonErrors(List<FieldError> errors) {
		return FormErrors.of(errors, (field) -> null);
	}

	private RouteRule find(String id) {
		return this.rules.current().route(id).orElseThrow(() -> new RouteNotFound(id));
	}

	private String pretty(RouteRule route) {
		return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(route);
	}

}
