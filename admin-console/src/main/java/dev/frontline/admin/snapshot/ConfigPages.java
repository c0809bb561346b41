package dev.frontline.admin.snapshot;

import dev.frontline.admin.security.Author;
import dev.frontline.admin.web.PageController;
import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.ConfigSnapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The config history pages: the versions, one version, the diff between any two, and a
 * rollback after a confirmation that shows what it changes. Rollbacks go through
 * {@link Rollbacks}, as the API's do.
 */
@PageController
class ConfigPages {

	/** How many versions the history shows. */
	static final int HISTORY = 200;

	private final ConfigVersions versions;

	private final Rollbacks rollbacks;

	ConfigPages(ConfigVersions versions, Rollbacks rollbacks) {
		this.versions = versions;
		this.rollbacks = rollbacks;
	}

	@GetMapping("/config")
	String history(Model model) {
		long head = this.versions.headVersion();
		model.addAttribute("history", this.versions.history(HISTORY));
		model.addAttribute("head", head);
		model.addAttribute("from", Math.max(1, head - 1));
		return "config/history";
	}

	@GetMapping("/config/versions/{version}")
	String version(@PathVariable long version, Model model) {
		ConfigSnapshot snapshot = find(version);
		model.addAttribute("snapshot", snapshot);
		model.addAttribute("json", ConfigJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(snapshot));
		model.addAttribute("head", this.versions.headVersion());
		return "config/version";
	}

	/**
	 * The diff between two versions; without them, between the current version and the
	 * one before.
	 */
	@GetMapping("/config/diff")
	String diff(@RequestParam(required = false) @Nullable Long from, @RequestParam(required = false) @Nullable Long to,
			Model model) {
		long newer = (to != null) ? to : this.versions.headVersion();
		long older = (from != null) ? from : Math.max(1, newer - 1);
		model.addAttribute("diff", ConfigDiff.of("version " + older, find(older), "version " + newer, find(newer)));
		model.addAttribute("from", older);
		model.addAttribute("to", newer);
		model.addAttribute("history", this.versions.history(HISTORY));
		return "config/diff";
	}

	@GetMapping("/config/rollback/{version}")
	String confirmRollback(@PathVariable long version, Model model) {
		ConfigSnapshot target = find(version);
		ConfigSnapshot current = this.versions.current();
		model.addAttribute("target", target);
		model.addAttribute("current", current);
		model.addAttribute("diff", ConfigDiff.of("routes now (version " + current.version() + ")", current.routes(),
				"routes of version " + version, target.routes()));
		return "config/rollback";
	}

	@PostMapping("/config/rollback/{version}")
	String rollback(@PathVariable long version, Author author, RedirectAttributes redirect) {
		Rollbacks.RolledBack rolledBack = this.rollbacks.rollBackTo(version, author);
		redirect.addFlashAttribute("notice", "Rolled back to the routes of version " + version
				+ "; published as version " + rolledBack.snapshot().version());
		redirect.addFlashAttribute("warnings", rolledBack.warnings());
		return "redirect:/config";
	}

	private ConfigSnapshot find(long version) {
		return this.versions.find(version).orElseThrow(() -> new VersionNotFound(version));
	}

}
