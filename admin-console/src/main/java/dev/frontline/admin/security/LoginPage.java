package dev.frontline.admin.security;

import dev.frontline.admin.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form. Spring Security takes the form's POST, and sends the browser back here
 * with {@code ?error} after a failed login or {@code ?logout} after logging out.
 */
@PageController
class LoginPage {

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String logout, Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("loggedOut", logout != null);
		return "login";
	}

}
