package dev.frontline.admin.apikey;

import java.util.List;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Html;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.contract.ApiKey;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static dev.frontline.admin.Visitors.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API keys pages: issuing a key shown once, the API's field errors, revoking after a
 * confirmation.
 */
@ApiTest
class ApiKeyPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ConfigVersions versions;

	@Test
	void showsANewKeyOnceAndNeverAgain() throws Exception {
		long before = this.versions.headVersion();
		MvcResult issued = this.mvc
			.perform(post("/api-keys").param("client", "page-app")
				.param("scopes", "catalog:read cart:write")
				.with(ADMIN)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andReturn();
		String key = Html.of(issued).select("#issued-key").text();
		assertThat(key).startsWith("fl_");
		ApiKey entry = this.versions.current().apiKeys().get(this.versions.current().apiKeys().size() - 1);
		assertThat(entry.client()).isEqualTo("page-app");
		assertThat(entry.scopes()).containsExactly("catalog:read", "cart:write");
		assertThat(this.versions.headVersion()).isEqualTo(before + 1);
		String list = this.mvc.perform(get("/api-keys").with(ADMIN)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(entry.id()).doesNotContain(key).doesNotContain(entry.hash());
	}

	@Test
	void showsTheApisFieldErrorsNextToTheInputs() throws Exception {
		long before = this.versions.headVersion();
		Document page = Html.of(this.mvc
			.perform(post("/api-keys").param("client", " ").param("scopes", "fine quote\"d").with(ADMIN).with(csrf()))
			.andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(page, "client")).containsExactly("must not be blank");
		assertThat(Html.errorsNextTo(page, "scopes"))
			.containsExactly("must be 1 to 100 printable characters without spaces, quotes or backslashes (scopes[1])");
		assertThat(this.versions.headVersion()).isEqualTo(before);
	}

	@Test
	void revokesAKeyAfterAConfirmation() throws Exception {
		this.mvc.perform(post("/api-keys").param("client", "page-revoked").with(ADMIN).with(csrf()))
			.andExpect(status().isOk());
		ApiKey entry = this.versions.current()
			.apiKeys()
			.stream()
			.filter((key) -> key.client().equals("page-revoked"))
			.findFirst()
			.orElseThrow();
		Document confirm = Html
			.of(this.mvc.perform(get("/api-keys/" + entry.id() + "/revoke").with(ADMIN)).andExpect(status().isOk()));
		assertThat(confirm.select("h1").text()).isEqualTo("Revoke API key " + entry.id() + "?");

		this.mvc.perform(post("/api-keys/" + entry.id() + "/revoke").with(ADMIN).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/api-keys"));
		assertThat(this.versions.current().apiKey(entry.id())).isEmpty();
		Document list = Html.of(this.mvc.perform(get("/api-keys").with(ADMIN)));
		assertThat(list.select("#key-" + entry.id() + " .badge").text()).startsWith("revoked").endsWith("by admin");
		this.mvc.perform(get("/api-keys/zzzzzzzzzzzz/revoke").with(ADMIN)).andExpect(status().isNotFound());
	}

	@Test
	void showsAClientNameWithMarkupAsText() throws Exception {
		MvcResult issued = this.mvc.perform(post("/api-keys").param("client", "<b>x</b>").with(ADMIN).with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		String list = this.mvc.perform(get("/api-keys").with(ADMIN)).andReturn().getResponse().getContentAsString();
		for (String html : List.of(issued.getResponse().getContentAsString(), list)) {
			assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
		}
		assertThat(Html.of(issued).select("b")).isEmpty();
	}

}
