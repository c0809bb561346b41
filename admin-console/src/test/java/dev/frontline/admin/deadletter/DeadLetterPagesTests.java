package dev.frontline.admin.deadletter;

import java.util.List;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Html;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static dev.frontline.admin.Visitors.OPERATOR;
import static dev.frontline.admin.Visitors.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dead letters pages: the merged list, one dead letter shown as text, and redriving
 * one or all, for operators only and with the form's CSRF token.
 */
@ApiTest
class DeadLetterPagesTests extends TwoRuntimes {

	private static final String SCRIPT = "<script>alert(1)</script>";

	@Autowired
	private MockMvc mvc;

	@Test
	void listsTheDeadLettersOfEveryRuntimeWithTheirLastErrors() throws Exception {
		Document page = Html.of(this.mvc.perform(get("/dead-letters").with(VIEWER)).andExpect(status().isOk()));
		assertThat(page.select("#dead-letter-table tbody tr")).hasSize(2);
		assertThat(page.select("#dead-letter-table tbody tr:first-child td:first-child a").attr("href"))
			.isEqualTo("/dead-letters/second-1?runtime=" + SECOND.uri());
		assertThat(page.select("#dead-letter-table").text()).contains("orderPlaced", "mailSent",
				"Backend unavailable: orders timed out", "plain text error", "2026-03-01 10:00:00");
		assertThat(page.select("nav a.active").text()).isEqualTo("Dead letters");
	}

	@Test
	void warnsOfARuntimeItCannotReach() throws Exception {
		SECOND.down();
		Document page = Html.of(this.mvc.perform(get("/dead-letters").with(VIEWER)).andExpect(status().isOk()));
		assertThat(page.select("#dead-letter-table tbody tr")).hasSize(1);
		assertThat(page.select(".notice.warning").text()).contains("function runtime " + SECOND.uri() + " unreachable");
	}

	@Test
	void showsTheInputAndTheLastErrorAsText() throws Exception {
		FIRST.deadLetter("escaped-1", "orderPlaced", EARLY, "{\"note\": \"" + SCRIPT.replace("/", "\\/") + "\"}",
				"{\"title\": \"Bad\", \"detail\": \"<img src=x onerror=alert(2)>\"}");
		MvcResult result = this.mvc.perform(get("/dead-letters/escaped-1").param("runtime", FIRST.uri()).with(VIEWER))
			.andExpect(status().isOk())
			.andReturn();
		String html = result.getResponse().getContentAsString();
		assertThat(html).doesNotContain(SCRIPT)
			.doesNotContain("<img")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		Document page = Html.of(result);
		assertThat(page.select("#input").text()).contains("note", SCRIPT);
		assertThat(page.select("#last-error-summary").text()).isEqualTo("Bad: <img src=x onerror=alert(2)>");
		assertThat(page.select("#last-error").text()).contains("title", "Bad");
		assertThat(page.select("img")).isEmpty();
		assertThat(page.select("script").eachAttr("src")).allMatch((src) -> !src.isEmpty());
	}

	@Test
	void answersAnUnknownDeadLetterWithTheErrorPage() throws Exception {
		Document page = Html
			.of(this.mvc.perform(get("/dead-letters/nobody").param("runtime", SECOND.uri()).with(VIEWER))
				.andExpect(status().isNotFound()));
		assertThat(page.select("#problem-detail").text())
			.isEqualTo("Function runtime " + SECOND.uri() + " has no invocation with id 'nobody'");
	}

	@Test
	void redrivesOneDeadLetterWithTheFormsCsrfToken() throws Exception {
		Document page = Html.of(this.mvc.perform(get("/dead-letters").with(OPERATOR)).andExpect(status().isOk()));
		assertThat(page.select("#dead-letter-table form").eachAttr("action"))
			.containsExactly("/dead-letters/second-1/redrive", "/dead-letters/first-1/redrive");
		assertThat(page.select("#dead-letter-table form input[name=_csrf]").eachAttr("value"))
			.allMatch((token) -> !token.isBlank());

		this.mvc.perform(post("/dead-letters/second-1/redrive").param("runtime", SECOND.uri()).with(OPERATOR))
			.andExpect(status().isForbidden());
		assertThat(SECOND.requests("POST", "/async/dead-letters/second-1/redrive")).isEmpty();

		this.mvc
			.perform(post("/dead-letters/second-1/redrive").param("runtime", SECOND.uri()).with(OPERATOR).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/dead-letters"))
			.andExpect(flash().attribute("notice",
					"Redrove dead letter second-1 on " + SECOND.uri() + "; it is queued again"));
		assertThat(SECOND.requests("POST", "/async/dead-letters/second-1/redrive")).hasSize(1);
	}

	@Test
	void saysWhyARedriveWasRefused() throws Exception {
		FIRST.succeeded("done-1", "orderPlaced");
		MvcResult result = this.mvc
			.perform(post("/dead-letters/done-1/redrive").param("runtime", FIRST.uri()).with(OPERATOR).with(csrf()))
			.andExpect(status().isFound())
			.andReturn();
		assertThat((List<?>) result.getFlashMap().get("problems")).singleElement()
			.asString()
			.contains("refused to redrive invocation 'done-1'");
	}

	@Test
	void redrivesAllAfterAConfirmation() throws Exception {
		Document list = Html.of(this.mvc.perform(get("/dead-letters").with(OPERATOR)));
		assertThat(list.select("#redrive-all").attr("href")).isEqualTo("/dead-letters/redrive");
		Document confirmation = Html
			.of(this.mvc.perform(get("/dead-letters/redrive").with(OPERATOR)).andExpect(status().isOk()));
		assertThat(confirmation.select("#runtimes li").eachText()).containsExactly(FIRST.uri(), SECOND.uri());
		assertThat(confirmation.select("form[method=post]").eachAttr("action")).contains("/dead-letters/redrive");
		assertThat(FIRST.requests("POST", "/async/dead-letters/redrive")).isEmpty();

		this.mvc.perform(post("/dead-letters/redrive").with(OPERATOR)).andExpect(status().isForbidden());
		assertThat(FIRST.requests("POST", "/async/dead-letters/redrive")).isEmpty();

		this.mvc.perform(post("/dead-letters/redrive").with(OPERATOR).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("notice", "Redrove 2 dead letters"));
		assertThat(FIRST.requests("POST", "/async/dead-letters/redrive")).hasSize(1);
		assertThat(SECOND.requests("POST", "/async/dead-letters/redrive")).hasSize(1);
	}

	@Test
	void showsAViewerNoControls() throws Exception {
		for (String path : new String[] { "/dead-letters", "/dead-letters/first-1?runtime=" + FIRST.uri() }) {
			Document page = Html.of(this.mvc.perform(get(path).with(VIEWER)).andExpect(status().isOk()));
			assertThat(page.select("form[method=post]").eachAttr("action")).as(path).containsExactly("/logout");
			assertThat(page.select("a[href]").eachAttr("href")).as(path).noneMatch((href) -> href.contains("/redrive"));
		}
		this.mvc.perform(get("/dead-letters/redrive").with(VIEWER)).andExpect(status().isForbidden());
		this.mvc.perform(post("/dead-letters/first-1/redrive").with(VIEWER).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/dead-letters/redrive").with(VIEWER).with(csrf())).andExpect(status().isForbidden());
		assertThat(FIRST.requests()).noneMatch((request) -> request.method().equals("POST"));
	}

}
