package dev.frontline.admin.apikey;

import java.util.Comparator;
import java.util.List;

import dev.frontline.admin.security.Author;
import dev.frontline.admin.web.FormErrors;
import dev.frontline.admin.web.PageController;
import dev.frontline.contract.ApiKey;
import dev.frontline.contract.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API keys pages: the keys, the form that issues one, the page that shows a new key
 * once, and revoking after a confirmation. Keys are checked, issued and revoked as the
 * API does it, through {@link ApiKeys}.
 */
@PageController
class ApiKeyPages {

	private final ApiKeys keys;

	private final SpringValidatorAdapter validator;

	ApiKeyPages(ApiKeys keys, Validator validator) {
		this.keys = keys;
		this.validator = new SpringValidatorAdapter(validator);
	}

	@GetMapping("/api-keys")
	String list(Model model) {
		return list(model, new ApiKeyForm("", ""), FormErrors.none());
	}

	@PostMapping("/api-keys")
	String issue(ApiKeyForm form, Author author, Model model, HttpServletResponse response) {
		NewApiKey request = form.toRequest();
		List<FieldError> errors = validate(request);
		if (!errors.isEmpty()) {
			return list(model, form, FormErrors.of(errors, (field) -> field.startsWith("scopes") ? "scopes" : field));
		}
		ApiKeys.Issuance issuance = this.keys.issue(request.client(), request.scopesOrNone(), author);
		ApiKey entry = issuance.issued().entry();
		// The page holds the key: no cache may keep it.
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("issued", new IssuedApiKey(entry.id(), entry.client(), entry.scopes(), entry.createdAt(),
				issuance.issued().key()));
		model.addAttribute("version", issuance.snapshot().version());
		return "api-keys/issued";
	}

	@GetMapping("/api-keys/{id}/revoke")
	String confirmRevoke(@PathVariable String id, Model model) {
		model.addAttribute("key", find(id));
		return "api-keys/revoke";
	}

	@PostMapping("/api-keys/{id}/revoke")
	String revoke(@PathVariable String id, Author author, RedirectAttributes redirect) {
		String published = this.keys.revoke(id, author)
			.map((snapshot) -> "; published as version " + snapshot.version())
			.orElse("; it was revoked already");
		redirect.addFlashAttribute("notice", "Revoked API key " + id + published);
		return "redirect:/api-keys";
	}

	private String list(Model model, ApiKeyForm form, FormErrors errors) {
		model.addAttribute("keys",
				this.keys.findAll()
					.stream()
					.map(ListedApiKey::of)
					.sorted(Comparator.comparing(ListedApiKey::createdAt).reversed())
					.toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "api-keys/list";
	}

	private ListedApiKey find(String id) {
		return this.keys.findAll()
			.stream()
			.filter((key) -> key.entry().id().equals(id))
			.map(ListedApiKey::of)
			.findFirst()
			.orElseThrow(() -> new ApiKeyNotFound(id));
	}

	/**
	 * The field errors of a request, named as the API names them, such as
	 * {@code scopes[1]}.
	 */
	private List<FieldError> validate(NewApiKey request) {
		DataBinder binder = new DataBinder(request, "request");
		binder.setValidator(this.validator);
		binder.validate();
		BindingResult result = binder.getBindingResult();
		return result.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(),
					(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid"))
			.toList();
	}

}
