package dev.frontline.admin.audit;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Html;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static dev.frontline.admin.Logins.ALICE;
import static dev.frontline.admin.Visitors.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log page and its filters, which take what the API's take.
 */
@ApiTest
class AuditPagesTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void filtersByActorAndAction() throws Exception {
		this.mvc.perform(post("/api/v1/routes").with(ALICE).contentType(MediaType.APPLICATION_JSON).content("""
				{"id": "page-audited", "match": {"path": "/api/pages/page-audited"},
				 "stable": {"uris": ["%s"], "function": "product"}}""".formatted(ApiTest.FUNCTIONS_URI)))
			.andExpect(status().isCreated());
		Document page = Html
			.of(this.mvc.perform(get("/audit").param("actor", "alice").param("action", "route.create").with(VIEWER))
				.andExpect(status().isOk()));
		assertThat(page.select("#audit-table tbody tr td:nth-child(2)").eachText()).isNotEmpty().containsOnly("alice");
		assertThat(page.select("#audit-table tbody tr td:nth-child(4)").eachText()).contains("route/page-audited");
		assertThat(page.select("#actor").val()).isEqualTo("alice");
		assertThat(page.select("#actions option").eachAttr("value")).contains("route.create", "release.abort");
	}

	@Test
	void showsATimeItCannotReadNextToItsInput() throws Exception {
		Document page = Html.of(this.mvc
			.perform(get("/audit").param("from", "yesterday").param("to", "2026-01-01T00:00:00Z").with(VIEWER))
			.andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(page, "from"))
			.containsExactly("must be an ISO-8601 instant such as 2026-01-01T10:00:00Z");
		assertThat(Html.errorsNextTo(page, "to")).isEmpty();
		assertThat(page.select("#audit-table")).isEmpty();
	}

}
