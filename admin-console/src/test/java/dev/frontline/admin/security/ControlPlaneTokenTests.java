package dev.frontline.admin.security;

import dev.frontline.admin.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiTest
class ControlPlaneTokenTests {

	private static final String HEARTBEAT = "{\"appliedVersion\": 0, \"startedAt\": \"2026-11-21T10:00:00Z\"}";

	@Autowired
	private MockMvc mvc;

	@Test
	void refusesTheWatchWithoutAToken() throws Exception {
		unauthorized(this.mvc.perform(get("/api/v1/config/watch").accept(MediaType.TEXT_EVENT_STREAM)))
			.andExpect(jsonPath("$.detail", containsString("Bearer")));
	}

	@Test
	void refusesTheWatchWithAWrongToken() throws Exception {
		unauthorized(this.mvc.perform(get("/api/v1/config/watch").accept(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.AUTHORIZATION, "Bearer guessed")));
	}

	@Test
	void opensTheWatchWithTheToken() throws Exception {
		this.mvc
			.perform(get("/api/v1/config/watch").accept(MediaType.TEXT_EVENT_STREAM)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiTest.TOKEN))
			.andExpect(status().isOk())
			.andExpect(request().asyncStarted())
			.andExpect(content().string(containsString("event:snapshot")));
	}

	@Test
	void refusesAHeartbeatWithoutTheToken() throws Exception {
		unauthorized(this.mvc
			.perform(post("/api/v1/gateways/gw-1/status").contentType(MediaType.APPLICATION_JSON).content(HEARTBEAT)));
		unauthorized(this.mvc.perform(post("/api/v1/gateways/gw-1/status").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Basic " + ApiTest.TOKEN)
			.content(HEARTBEAT)));
	}

	@Test
	void acceptsAHeartbeatWithTheToken() throws Exception {
		this.mvc
			.perform(post("/api/v1/gateways/gw-1/status").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiTest.TOKEN)
				.content(HEARTBEAT))
			.andExpect(status().isNoContent());
	}

	@Test
	void leavesThePeoplesApiOpenOutsideProduction() throws Exception {
		this.mvc.perform(get("/api/v1/routes")).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/gateways")).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/config")).andExpect(status().isOk());
	}

	private static ResultActions unauthorized(ResultActions result) throws Exception {
		return result.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:unauthorized"))
			.andExpect(jsonPath("$.status").value(401));
	}

}
