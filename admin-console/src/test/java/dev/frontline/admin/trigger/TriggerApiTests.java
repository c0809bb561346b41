package dev.frontline.admin.trigger;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.frontline.admin.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.frontline.admin.Logins.ALICE;
import static dev.frontline.admin.Logins.OPERATOR;
import static dev.frontline.admin.Logins.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The timer triggers API: defaults, the check of every field, roles and the audit log.
 */
@ApiTest
class TriggerApiTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void createsATriggerWithItsDefaults() throws Exception {
		Instant before = Instant.now();
		String answer = this.mvc.perform(json(post("/api/v1/triggers"), """
				{"id": "api-defaults", "cron": "0 0 3 * * *", "function": "report|mail"}""").with(OPERATOR))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/triggers/api-defaults"))
			.andExpect(jsonPath("$.zone").value("UTC"))
			.andExpect(jsonPath("$.runtime").value(ApiTest.FUNCTIONS_URI))
			.andExpect(jsonPath("$.payload").isMap())
			.andExpect(jsonPath("$.payload.length()").value(0))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.createdBy").value("operator"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Instant next = Instant.parse(JsonPath.read(answer, "$.nextFireAt"));
		assertThat(next).isAfter(before).isBefore(before.plusSeconds(86_401));
		assertThat(next.getEpochSecond() % 86_400).isEqualTo(3 * 3600);
		this.mvc.perform(get("/api/v1/triggers/api-defaults").with(VIEWER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.function").value("report|mail"));
	}

	@Test
	void readsTheScheduleInItsZoneAndTakesMacros() throws Exception {
		this.mvc
			.perform(json(post("/api/v1/triggers"), """
					{"id": "api-berlin", "cron": "@daily", "zone": "Europe/Berlin", "function": "report",
					 "runtime": "http://functions.example:8090/", "payload": [1, "two"], "enabled": false}""")
				.with(OPERATOR))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.cron").value("@daily"))
			.andExpect(jsonPath("$.zone").value("Europe/Berlin"))
			.andExpect(jsonPath("$.runtime").value("http://functions.example:8090"))
			.andExpect(jsonPath("$.payload[1]").value("two"))
			.andExpect(jsonPath("$.nextFireAt").doesNotExist());
		String enabled = this.mvc.perform(json(put("/api/v1/triggers/api-berlin"), """
				{"cron": "@daily", "zone": "Europe/Berlin", "function": "report"}""").with(OPERATOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Instant next = Instant.parse(JsonPath.read(enabled, "$.nextFireAt"));
		// Midnight in Berlin is 23:00 or 22:00 UTC.
		assertThat(next.atZone(ZoneId.of("Europe/Berlin")).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
	}

	@Test
	void refusesEachBadFieldAtOnce() throws Exception {
		invalid(this.mvc.perform(json(post("/api/v1/triggers"), """
				{"id": "Bad_Id", "cron": "* * * * *", "zone": "Mars/Olympus", "function": "a||b",
				 "runtime": "ftp://files.example"}""").with(OPERATOR)))
			.andExpect(jsonPath("$.detail").value("5 fields are invalid"))
			.andExpect(jsonPath("$.errors[*].field", contains("cron", "function", "id", "runtime", "zone")))
			.andExpect(jsonPath("$.errors[0].message", containsString("six fields")))
			.andExpect(jsonPath("$.errors[1].message")
				.value("must be function names joined by '|', such as homePage|mobileView"))
			.andExpect(jsonPath("$.errors[2].message", containsString("lower-case letters, digits and dashes")))
			.andExpect(jsonPath("$.errors[3].message")
				.value("must be an absolute http(s) URI such as http://localhost:8090"))
			.andExpect(jsonPath("$.errors[4].message").value("must be a time zone such as UTC or Europe/Berlin"));
		this.mvc.perform(get("/api/v1/triggers/Bad_Id").with(VIEWER)).andExpect(status().isNotFound());
	}

	@Test
	void refusesMissingFieldsAndACronThatNeverFires() throws Exception {
		invalid(this.mvc.perform(json(post("/api/v1/triggers"), "{}").with(OPERATOR)))
			.andExpect(jsonPath("$.errors[*].field", contains("cron", "function", "id")))
			.andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
		invalid(this.mvc.perform(json(post("/api/v1/triggers"), """
				{"id": "api-never", "cron": "0 0 0 30 2 *", "function": "report"}""").with(OPERATOR)))
			.andExpect(jsonPath("$.errors[0].field").value("cron"))
			.andExpect(jsonPath("$.errors[0].message").value("never fires"));
	}

	@Test
	void refusesAFieldOfTheWrongType() throws Exception {
		this.mvc.perform(json(post("/api/v1/triggers"), """
				{"id": "api-typed", "cron": "@hourly", "function": "report", "enabled": "sometimes"}""").with(OPERATOR))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:malformed-request"))
			.andExpect(jsonPath("$.errors[0].field").value("enabled"));
	}

	@Test
	void refusesASecondTriggerWithTheSameId() throws Exception {
		create("api-twice", "@hourly");
		this.mvc.perform(json(post("/api/v1/triggers"), body("api-twice", "@daily")).with(OPERATOR))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:trigger-exists"));
		this.mvc.perform(get("/api/v1/triggers/api-twice").with(VIEWER)).andExpect(jsonPath("$.cron").value("@hourly"));
	}

	@Test
	void replacesATriggerWholly() throws Exception {
		this.mvc.perform(json(post("/api/v1/triggers"), """
				{"id": "api-replaced", "cron": "@hourly", "zone": "Asia/Tokyo", "function": "report",
				 "payload": {"a": 1}}""").with(OPERATOR)).andExpect(status().isCreated());
		this.mvc.perform(json(put("/api/v1/triggers/api-replaced"), """
				{"id": "api-replaced", "cron": "0 30 * * * *", "function": "digest"}""").with(ALICE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cron").value("0 30 * * * *"))
			.andExpect(jsonPath("$.zone").value("UTC"))
			.andExpect(jsonPath("$.function").value("digest"))
			.andExpect(jsonPath("$.payload.length()").value(0))
			.andExpect(jsonPath("$.updatedBy").value("alice"))
			.andExpect(jsonPath("$.createdBy").value("operator"));
		invalid(this.mvc
			.perform(json(put("/api/v1/triggers/api-replaced"), body("api-other", "@hourly")).with(OPERATOR)))
			.andExpect(jsonPath("$.errors[0].field").value("id"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("must be absent or equal the id in the path ('api-replaced')"));
		this.mvc.perform(json(put("/api/v1/triggers/api-nobody"), body(null, "@hourly")).with(OPERATOR))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:trigger-not-found"));
	}

	@Test
	void deletesATrigger() throws Exception {
		create("api-deleted", "@hourly");
		this.mvc.perform(delete("/api/v1/triggers/api-deleted").with(OPERATOR)).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/triggers/api-deleted").with(VIEWER)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/triggers/api-deleted/firings").with(VIEWER)).andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/triggers/api-deleted").with(OPERATOR)).andExpect(status().isNotFound());
	}

	@Test
	void listsEveryTriggerById() throws Exception {
		create("api-listed-b", "@hourly");
		create("api-listed-a", "@hourly");
		String list = this.mvc.perform(get("/api/v1/triggers").with(VIEWER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> ids = JsonPath.read(list, "$[*].id");
		assertThat(ids).containsSubsequence("api-listed-a", "api-listed-b").isSorted();
	}

	@Test
	void letsAViewerReadButNotWrite() throws Exception {
		create("api-viewed", "@hourly");
		this.mvc.perform(get("/api/v1/triggers").with(VIEWER)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/triggers/api-viewed/firings").with(VIEWER)).andExpect(status().isOk());
		forbidden(this.mvc.perform(json(post("/api/v1/triggers"), body("api-viewer-made", "@hourly")).with(VIEWER)));
		forbidden(this.mvc.perform(json(put("/api/v1/triggers/api-viewed"), body(null, "@daily")).with(VIEWER)));
		forbidden(this.mvc.perform(delete("/api/v1/triggers/api-viewed").with(VIEWER)));
		this.mvc.perform(get("/api/v1/triggers/api-viewer-made").with(VIEWER)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/triggers/api-viewed").with(VIEWER))
			.andExpect(jsonPath("$.cron").value("@hourly"));
	}

	@Test
	void auditsEveryChangeWithItsActor() throws Exception {
		create("api-audited", "@hourly");
		this.mvc.perform(json(put("/api/v1/triggers/api-audited"), body(null, "@daily")).with(ALICE))
			.andExpect(status().isOk());
		this.mvc.perform(json(put("/api/v1/triggers/api-audited"), """
				{"cron": "@daily", "function": "report", "enabled": false}""").with(ALICE)).andExpect(status().isOk());
		this.mvc.perform(delete("/api/v1/triggers/api-audited").with(OPERATOR)).andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/audit").param("target", "trigger/api-audited").with(VIEWER))
			.andExpect(jsonPath("$[*].action",
					contains("trigger.delete", "trigger.update", "trigger.update", "trigger.create")))
			.andExpect(jsonPath("$[*].actor", contains("operator", "alice", "alice", "operator")))
			.andExpect(jsonPath("$[3].detail")
				.value("cron '@hourly' in UTC, function report on " + ApiTest.FUNCTIONS_URI + ", enabled"))
			.andExpect(jsonPath("$[2].detail", containsString("now cron '@daily'")))
			.andExpect(jsonPath("$[1].detail").value("disabled"))
			.andExpect(jsonPath("$[0].detail", containsString("was cron '@daily'")));
		this.mvc.perform(get("/api/v1/audit").param("action", "trigger.create").with(VIEWER))
			.andExpect(jsonPath("$[*].target", hasItem("trigger/api-audited")));
	}

	private void create(String id, String cron) throws Exception {
		this.mvc.perform(json(post("/api/v1/triggers"), body(id, cron)).with(OPERATOR)).andExpect(status().isCreated());
	}

	private static String body(String id, String cron) {
		String idField = (id != null) ? "\"id\": \"" + id + "\", " : "";
		return "{" + idField + "\"cron\": \"" + cron + "\", \"function\": \"report\"}";
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static ResultActions invalid(ResultActions result) throws Exception {
		return result.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:invalid-trigger"));
	}

	private static void forbidden(ResultActions result) throws Exception {
		result.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:insufficient-role"));
	}

}
