package dev.frontline.admin.snapshot;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Html;
import dev.frontline.contract.ConfigSnapshot;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Visitors.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The config history pages: the versions, a version, the line diff between two, and a
 * rollback after its confirmation.
 */
@ApiTest
class ConfigPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ConfigVersions versions;

	@Test
	void listsTheVersionsWithWhoPublishedThemAndWhy() throws Exception {
		route("page-history");
		long head = this.versions.headVersion();
		Document page = Html.of(this.mvc.perform(get("/config").with(VIEWER)).andExpect(status().isOk()));
		assertThat(page.select("#version-" + head + " td").eachText()).contains("operator",
				"create route page-history");
		assertThat(page.select("#version-" + head).hasClass("current")).isTrue();
		assertThat(page.select("input[name=to][checked]").val()).isEqualTo(String.valueOf(head));
		assertThat(page.select("input[name=from][checked]").val()).isEqualTo(String.valueOf(head - 1));
	}

	@Test
	void showsTheLinesThatChangedBetweenTwoVersions() throws Exception {
		long before = this.versions.headVersion();
		route("page-diffed");
		long after = this.versions.headVersion();
		Document page = Html.of(
				this.mvc
					.perform(get("/config/diff").param("from", String.valueOf(before))
						.param("to", String.valueOf(after))
						.with(VIEWER))
					.andExpect(status().isOk()));
		List<String> added = page.select("#diff .diff-added").eachText();
		List<String> removed = page.select("#diff .diff-removed").eachText();
		assertThat(added).anySatisfy((line) -> assertThat(line).contains("\"id\" : \"page-diffed\""));
		assertThat(added).anySatisfy((line) -> assertThat(line).contains("\"version\" : " + after));
		assertThat(removed).anySatisfy((line) -> assertThat(line).contains("\"version\" : " + before));
		assertThat(removed).noneSatisfy((line) -> assertThat(line).contains("page-diffed"));
		assertThat(page.select("#diff .diff-file").eachText()).containsExactly("--- version " + before,
				"+++ version " + after);

		Document same = Html.of(
				this.mvc
					.perform(get("/config/diff").param("from", String.valueOf(after))
						.param("to", String.valueOf(after))
						.with(VIEWER))
					.andExpect(status().isOk()));
		assertThat(same.select("#diff")).isEmpty();
		assertThat(same.select(".empty").text()).isEqualTo("The two versions hold the same config.");
	}

	@Test
	void showsAVersionAsJson() throws Exception {
		Document page = Html.of(this.mvc.perform(get("/config/versions/1").with(VIEWER)).andExpect(status().isOk()));
		assertThat(page.select("pre.code").text()).contains("\"version\" : 1", "\"id\" : \"product\"");
	}

	@Test
	void rollsBackAfterAConfirmationThatShowsWhatChanges() throws Exception {
		long target = this.versions.headVersion();
		route("page-rolled-back");
		Document confirm = Html
			.of(this.mvc.perform(get("/config/rollback/" + target).with(user("operator").roles("OPERATOR")))
				.andExpect(status().isOk()));
		assertThat(confirm.select("#diff .diff-removed").eachText())
			.anySatisfy((line) -> assertThat(line).contains("page-rolled-back"));
		assertThat(this.versions.current().route("page-rolled-back")).isPresent();

		long head = this.versions.headVersion();
		this.mvc.perform(post("/config/rollback/" + target).with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/config"))
			.andExpect(flash().attribute("notice",
					"Rolled back to the routes of version " + target + "; published as version " + (head + 1)));
		ConfigSnapshot current = this.versions.current();
		assertThat(current.version()).isEqualTo(head + 1);
		assertThat(current.route("page-rolled-back")).isEmpty();
		String audit = this.mvc.perform(get("/api/v1/audit?target=version/" + target).with(OPERATOR))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(audit, "$[0].action")).isEqualTo("config.rollback");
		assertThat(JsonPath.<String>read(audit, "$[0].actor")).isEqualTo("operator");
	}

	@Test
	void answersAnUnknownVersionWithTheErrorPage() throws Exception {
		Document page = Html
			.of(this.mvc.perform(get("/config/versions/999999").with(VIEWER)).andExpect(status().isNotFound()));
		assertThat(page.select("#problem-detail").text()).isEqualTo("No config version 999999 was published");
		this.mvc.perform(post("/config/rollback/999999").with(user("operator").roles("OPERATOR")).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/config/versions/latest").with(VIEWER)).andExpect(status().isBadRequest());
	}

	private void route(String id) throws Exception {
		this.mvc
			.perform(post("/api/v1/routes").with(OPERATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"id": "%s", "match": {"path": "/api/pages/%s"}, "stable": {"uris": ["%s"], "function": "product"}}"""
							.formatted(id, id, ApiTest.FUNCTIONS_URI)))
			.andExpect(status().isCreated());
	}

}
