package dev.frontline.admin.trigger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Html;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The timer triggers pages: the list with next fire times, the form with the API's field
 * errors next to its inputs, enabling, disabling, deleting after a confirmation, and the
 * history of firings.
 */
@ApiTest
class TriggerPagesTests {

	/** A schedule that does not fire while the tests run. */
	private static final String YEARLY = "0 0 0 1 1 *";

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Triggers triggers;

	@Autowired
	private TriggerFirings firings;

	@Test
	void listsEachTriggerWithItsNextFireTime() throws Exception {
		this.mvc.perform(form("/triggers", "page-listed")).andExpect(status().isFound());
		Instant next = this.triggers.find("page-listed").orElseThrow().nextFireAt(Instant.now());
		Document page = Html
			.of(this.mvc.perform(get("/triggers").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()));
		assertThat(page.select("#trigger-page-listed td").eachText()).startsWith("page-listed", YEARLY + " UTC",
				"report " + ApiTest.FUNCTIONS_URI, "enabled", SHOWN.format(next), "never");
		assertThat(page.select("nav a.active").text()).isEqualTo("Triggers");
	}

	@Test
	void createsATriggerFromTheFormAsTheApiDoes() throws Exception {
		this.mvc
			.perform(form("/triggers", "page-created", "zone", "Europe/Berlin", "payload", "{\"report\": \"daily\"}",
					"function", "report|mail"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/triggers/page-created"))
			.andExpect(flash().attribute("notice", "Created timer trigger page-created"));
		TriggerDefinition created = this.triggers.find("page-created").orElseThrow().definition();
		assertThat(created.zone()).isEqualTo("Europe/Berlin");
		assertThat(created.function()).isEqualTo("report|mail");
		assertThat(created.payload().get("report").asString()).isEqualTo("daily");
		assertThat(created.enabled()).isTrue();
		this.mvc.perform(get("/api/v1/audit").param("target", "trigger/page-created").with(VIEWER))
			.andExpect(jsonPath("$[0].action").value("trigger.create"))
			.andExpect(jsonPath("$[0].actor").value("operator"));
	}

	@Test
	void showsTheErrorsOfAnInvalidTriggerNextToTheirInputs() throws Exception {
		Document unreadable = Html.of(this.mvc.perform(form("/triggers", "page-invalid", "payload", "{\"unclosed\": "))
			.andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(unreadable, "payload")).singleElement().asString().startsWith("must be JSON: ");
		assertThat(unreadable.select("#payload").first().wholeText()).isEqualTo("{\"unclosed\": ");

		Document invalid = Html.of(
				this.mvc
					.perform(form("/triggers", "Page_Invalid", "cron", "every minute", "zone", "Nowhere/City",
							"function", "report||mail", "runtime", "mailto:ops@example.com"))
					.andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(invalid, "id")).singleElement().asString().contains("lower-case letters");
		assertThat(Html.errorsNextTo(invalid, "cron")).singleElement().asString().contains("six fields");
		assertThat(Html.errorsNextTo(invalid, "zone"))
			.containsExactly("must be a time zone such as UTC or Europe/Berlin");
		assertThat(Html.errorsNextTo(invalid, "function"))
			.containsExactly("must be function names joined by '|', such as homePage|mobileView");
		assertThat(Html.errorsNextTo(invalid, "runtime"))
			.containsExactly("must be an absolute http(s) URI such as http://localhost:8090");
		assertThat(invalid.select("#cron").val()).isEqualTo("every minute");
		assertThat(invalid.select(".form-errors").text()).contains("The timer trigger was not saved");
		assertThat(this.triggers.find("page-invalid")).isEmpty();
		assertThat(this.triggers.find("Page_Invalid")).isEmpty();
	}

	@Test
	void refusesAnExistingIdNextToTheId() throws Exception {
		this.mvc.perform(form("/triggers", "page-taken")).andExpect(status().isFound());
		Document refused = Html.of(this.mvc.perform(form("/triggers", "page-taken")).andExpect(status().isOk()));
		assertThat(Html.errorsNextTo(refused, "id")).singleElement().asString().contains("exists already");
	}

	@Test
	void editsATrigger() throws Exception {
		this.mvc.perform(form("/triggers", "page-edited", "payload", "{\"a\": 1}")).andExpect(status().isFound());
		Document edit = Html
			.of(this.mvc.perform(get("/triggers/page-edited/edit").with(operator())).andExpect(status().isOk()));
		assertThat(edit.select("#id").hasAttr("readonly")).isTrue();
		assertThat(edit.select("#cron").val()).isEqualTo(YEARLY);
		assertThat(edit.select("#payload").text()).contains("\"a\"");
		assertThat(edit.select("#enabled").hasAttr("checked")).isTrue();
		assertThat(edit.select("#trigger-form").attr("action")).isEqualTo("/triggers/page-edited");

		// An unchecked box is not sent: the trigger is disabled.
		MockHttpServletRequestBuilder update = post("/triggers/page-edited").with(operator())
			.with(csrf())
			.param("cron", "0 15 * * * *")
			.param("function", "digest")
			.param("payload", "");
		this.mvc.perform(update).andExpect(status().isFound()).andExpect(redirectedUrl("/triggers/page-edited"));
		TriggerDefinition edited = this.triggers.find("page-edited").orElseThrow().definition();
		assertThat(edited.cron()).isEqualTo("0 15 * * * *");
		assertThat(edited.function()).isEqualTo("digest");
		assertThat(edited.enabled()).isFalse();
		assertThat(edited.payload().isEmpty()).isTrue();
	}

	@Test
	void disablesAndEnablesATrigger() throws Exception {
		this.mvc.perform(form("/triggers", "page-toggled")).andExpect(status().isFound());
		Document list = Html.of(this.mvc.perform(get("/triggers").with(operator())));
		assertThat(list.select("#trigger-page-toggled form").eachAttr("action"))
			.containsExactly("/triggers/page-toggled/disable");

		this.mvc.perform(post("/triggers/page-toggled/disable").with(operator()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("notice", "Disabled timer trigger page-toggled"));
		assertThat(this.triggers.find("page-toggled").orElseThrow().enabled()).isFalse();
		Document disabled = Html.of(this.mvc.perform(get("/triggers").with(operator())));
		assertThat(disabled.select("#trigger-page-toggled td").eachText()).contains("disabled", "—");
		assertThat(disabled.select("#trigger-page-toggled form").eachAttr("action"))
			.containsExactly("/triggers/page-toggled/enable");

		this.mvc.perform(post("/triggers/page-toggled/enable").with(operator()).with(csrf()))
			.andExpect(status().isFound());
		assertThat(this.triggers.find("page-toggled").orElseThrow().enabled()).isTrue();
		this.mvc.perform(get("/api/v1/audit").param("target", "trigger/page-toggled").with(VIEWER))
			.andExpect(jsonPath("$[0].detail").value("enabled"))
			.andExpect(jsonPath("$[1].detail").value("disabled"));
	}

	@Test
	void deletesATriggerAfterAConfirmation() throws Exception {
		this.mvc.perform(form("/triggers", "page-deleted")).andExpect(status().isFound());
		Document confirmation = Html
			.of(this.mvc.perform(get("/triggers/page-deleted/delete").with(operator())).andExpect(status().isOk()));
		assertThat(confirmation.select("form[method=post]").eachAttr("action"))
			.contains("/triggers/page-deleted/delete");
		assertThat(this.triggers.find("page-deleted")).isPresent();

		this.mvc.perform(post("/triggers/page-deleted/delete").with(operator())).andExpect(status().isForbidden());
		assertThat(this.triggers.find("page-deleted")).isPresent();

		this.mvc.perform(post("/triggers/page-deleted/delete").with(operator()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/triggers"));
		assertThat(this.triggers.find("page-deleted")).isEmpty();
		this.mvc.perform(get("/triggers/page-deleted").with(operator())).andExpect(status().isNotFound());
	}

	@Test
	void showsTheHistoryOfFiringsNewestFirst() throws Exception {
		this.mvc.perform(form("/triggers", "page-history")).andExpect(status().isFound());
		Trigger trigger = this.triggers.find("page-history").orElseThrow();
		Instant first = Instant.parse("2026-02-01T03:00:00Z");
		Firing fired = this.firings.claim(trigger, first, true, first, "console-a", first).orElseThrow();
		this.firings.fired(fired, first, "invocation-1", "queued");
		Firing failed = this.firings.claim(trigger, first.plusSeconds(3600), false, first, "console-b", first)
			.orElseThrow();
		this.firings.failed(failed, first, "Function runtime refused the firing: <b>bold</b>");

		MvcResult result = this.mvc.perform(get("/triggers/page-history").with(user("viewer").roles("VIEWER")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).doesNotContain("<b>bold</b>");
		Document page = Html.of(result);
		assertThat(page.select("#firing-table tbody tr")).hasSize(2);
		assertThat(page.select("#firing-table tbody tr:first-child td").eachText()).startsWith("2026-02-01 04:00:00",
				"failed", "1", "—");
		assertThat(page.select("#firing-table tbody tr:first-child").text())
			.contains("Function runtime refused the firing: <b>bold</b>");
		assertThat(page.select("#firing-table tbody tr:nth-child(2)").text()).contains("2026-02-01 03:00:00",
				"catch-up", "fired", "invocation-1", "queued", "console-a");
		assertThat(page.select("#history").attr("hx-get")).isEqualTo("/triggers/page-history/history");

		Document fragment = Html
			.of(this.mvc.perform(get("/triggers/page-history/history").with(operator())).andExpect(status().isOk()));
		assertThat(fragment.select("#firing-table tbody tr")).hasSize(2);
		assertThat(fragment.select("nav")).isEmpty();

		this.mvc.perform(get("/api/v1/triggers/page-history/firings").with(VIEWER))
			.andExpect(jsonPath("$[0].status").value("failed"))
			.andExpect(jsonPath("$[0].idempotencyKey")
				.value("trigger:page-history:" + first.plusSeconds(3600).getEpochSecond()))
			.andExpect(jsonPath("$[0].payload").doesNotExist())
			.andExpect(jsonPath("$[1].catchUp").value(true))
			.andExpect(jsonPath("$[1].invocationId").value("invocation-1"));
	}

	@Test
	void showsThePayloadAsText() throws Exception {
		String script = "<script>alert(1)</script>";
		this.mvc.perform(form("/triggers", "page-escaped", "payload", "{\"note\": \"" + script + "\"}"))
			.andExpect(status().isFound());
		for (String path : new String[] { "/triggers/page-escaped", "/triggers/page-escaped/edit" }) {
			MvcResult result = this.mvc.perform(get(path).with(operator())).andExpect(status().isOk()).andReturn();
			assertThat(result.getResponse().getContentAsString()).as(path)
				.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain(script);
			assertThat(Html.of(result).select("script").eachAttr("src")).as(path).allMatch((src) -> !src.isEmpty());
		}
	}

	@Test
	void showsAViewerNoControls() throws Exception {
		this.mvc.perform(form("/triggers", "page-viewed")).andExpect(status().isFound());
		for (String path : new String[] { "/triggers", "/triggers/page-viewed" }) {
			Document page = Html
				.of(this.mvc.perform(get(path).with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()));
			assertThat(page.select("form[method=post]").eachAttr("action")).as(path).containsExactly("/logout");
			assertThat(page.select("a[href]").eachAttr("href")).as(path)
				.noneMatch((href) -> href.endsWith("/edit") || href.endsWith("/delete") || href.endsWith("/new"));
		}
		this.mvc.perform(post("/triggers/page-viewed/disable").with(user("viewer").roles("VIEWER")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.triggers.find("page-viewed").orElseThrow().enabled()).isTrue();
	}

	/**
	 * A post of the trigger form with a valid trigger under the given id, but for the
	 * given fields, named and valued in turn.
	 */
	private static MockHttpServletRequestBuilder form(String path, String id, String... fields) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("id", id);
		values.put("cron", YEARLY);
		values.put("zone", "UTC");
		values.put("function", "report");
		values.put("runtime", "");
		values.put("payload", "{}");
		values.put("enabled", "true");
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(path).with(operator()).with(csrf());
		values.forEach((name, value) -> request.param(name, value));
		return request;
	}

	private static RequestPostProcessor operator() {
		return user("operator").roles("OPERATOR");
	}

}
