package dev.frontline.admin.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.snapshot.InvalidSnapshot;
import dev.frontline.admin.web.FormErrors;
import dev.frontline.admin.web.JsonReadErrors;
import dev.frontline.admin.web.PageController;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.DurationJson;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteRule;
import jakarta.validation.Validator;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The releases pages: the list, the form that starts a release, a release's live view
 * with its analysis log, the operators' decisions, and the active releases of the
 * overview. Every change goes through {@link ReleaseTransitions}, as the API's do.
 */
@PageController
class ReleasePages {

	/** How many releases the list shows. */
	static final int LISTED = 200;

	private final Releases releases;

	private final ReleaseEvaluations evaluations;

	private final ReleaseTransitions transitions;

	private final ConfigVersions versions;

	private final Validator validator;

	ReleasePages(Releases releases, ReleaseEvaluations evaluations, ReleaseTransitions transitions,
			ConfigVersions versions, Validator validator) {
		this.releases = releases;
		this.evaluations = evaluations;
		this.transitions = transitions;
		this.versions = versions;
		this.validator = validator;
	}

	@GetMapping("/releases")
	String list(Model model) {
		model.addAttribute("releases", this.releases.list(null, null, LISTED));
		return "releases/list";
	}

	@GetMapping("/overview/releases")
	String active(Model model) {
		List<Release> active = new ArrayList<>(this.releases.list(null, ReleaseState.RUNNING, LISTED));
		active.addAll(this.releases.list(null, ReleaseState.PAUSED, LISTED));
		active.sort(Comparator.comparingLong(Release::id).reversed());
		model.addAttribute("releases", active);
		return "releases/active";
	}

	@GetMapping("/releases/new")
	String start(@RequestParam(defaultValue = "") String routeId, Model model) {
		RouteRule route = this.versions.current().route(routeId).orElse(null);
		return form(model, ReleaseForm.defaults(route), FormErrors.none());
	}

	@PostMapping("/releases")
	String start(ReleaseForm form, Author author, Model model, RedirectAttributes redirect) {
		ReleaseForm.Parsed parsed = form.toRequest();
		if (parsed.request() == null) {
			return form(model, form, FormErrors.of(parsed.errors(), ReleaseForm::inputOf));
		}
		ReleaseTransitions.Started started;
		try {
			started = this.transitions.start(parsed.request(), author);
		}
		catch (InvalidRelease ex) {
			return form(model, form, FormErrors.of(ex.getErrors(), ReleaseForm::inputOf));
		}
		catch (ReleaseActive | InvalidSnapshot ex) {
			return form(model, form,
					FormErrors.of(
							List.of(new FieldError(JsonReadErrors.ROOT, String.valueOf(ex.getBody().getDetail()))),
							ReleaseForm::inputOf));
		}
		Release release = started.release();
		redirect.addFlashAttribute("notice", "Started release " + release.id() + " of route " + release.routeId()
				+ " at " + release.weight() + "%; published as version " + started.snapshot().version());
		redirect.addFlashAttribute("warnings", started.warnings());
		return "redirect:/releases/" + release.id();
	}

	@GetMapping("/releases/{id}")
	String show(@PathVariable long id, Model model) {
		live(id, model);
		return "releases/detail";
	}

	/**
	 * The part of a release's page that changes while it runs, for the page to refresh.
	 */
	@GetMapping("/releases/{id}/live")
	String live(@PathVariable long id, Model model) {
		Release release = this.releases.find(id).orElseThrow(() -> new ReleaseNotFound(id));
		model.addAttribute("release", release);
		model.addAttribute("interval", DurationJson.format(release.interval()));
		model.addAttribute("evaluations", this.evaluations.latest(id, ReleaseController.DETAIL_EVALUATIONS));
		model.addAttribute("decisions", Decisions.of(release));
		return "releases/detail :: live";
	}

	@PostMapping("/releases/{id}/pause")
	String pause(@PathVariable long id, Author author, RedirectAttributes redirect) {
		return decided("Paused", this.transitions.pause(id, author), redirect);
	}

	@PostMapping("/releases/{id}/resume")
	String resume(@PathVariable long id, Author author, RedirectAttributes redirect) {
		return decided("Resumed", this.transitions.resume(id, author), redirect);
	}

	@PostMapping("/releases/{id}/promote")
	String promote(@PathVariable long id, Author author, RedirectAttributes redirect) {
		return decided("Promoted", this.transitions.promote(id, author), redirect);
	}

	@PostMapping("/releases/{id}/abort")
	String abort(@PathVariable long id, Author author, RedirectAttributes redirect) {
		return decided("Aborted", this.transitions.abort(id, author), redirect);
	}

	/**
	 * Sets the weight of a manual release; the weight is checked like the API's.
	 */
	@PostMapping("/releases/{id}/weight")
	String weigh(@PathVariable long id, @RequestParam(defaultValue = "") String weight, Author author,
			RedirectAttributes redirect) {
		Integer requested;
		try {
			requested = Integer.valueOf(weight.strip());
		}
		catch (NumberFormatException ex) {
			requested = null;
		}
		NewWeight request = new NewWeight(requested);
		List<String> problems = new ArrayList<>();
		if (requested == null) {
			problems.add("weight must be a whole number from 0 to 100");
		}
		else {
			this.validator.validate(request).forEach((violation) -> problems.add("weight " + violation.getMessage()));
		}
		if (!problems.isEmpty()) {
			redirect.addFlashAttribute("problems", problems);
			return "redirect:/releases/" + id;
		}
		return decided("Set the weight of", this.transitions.weigh(id, request.weight(), author), redirect);
	}

	private String form(Model model, ReleaseForm form, FormErrors errors) {
		ConfigSnapshot current = this.versions.current();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("routes", current.routes().stream().map(RouteRule::id).sorted().toList());
		return "releases/form";
	}

	private static String decided(String decision, ReleaseTransitions.Changed changed, RedirectAttributes redirect) {
		Release release = changed.release();
		redirect.addFlashAttribute("notice", decision + " release " + release.id() + " (now " + release.state().label()
				+ " at " + release.weight() + "%); config version " + changed.configVersion());
		return "redirect:/releases/" + release.id();
	}

	/**
	 * The decisions an operator may take on a release in its state, so that the page
	 * offers only those.
	 *
	 * @param pause whether it may be paused
	 * @param resume whether it may be resumed
	 * @param end whether it may be promoted or aborted
	 * @param weigh whether it takes a weight
	 */
	record Decisions(boolean pause, boolean resume, boolean end, boolean weigh) {

		static Decisions of(Release release) {
			ReleaseState state = release.state();
			return new Decisions(state == ReleaseState.RUNNING, state == ReleaseState.PAUSED, state.active(),
					state == ReleaseState.RUNNING && release.mode() == ReleaseMode.MANUAL);
		}

		/**
		 * Whether any decision is open.
		 */
		public boolean any() {
			return this.pause || this.resume || this.end || this.weigh;
		}

	}

}
