package dev.frontline.admin.security;

import dev.frontline.admin.ApiTest;
import dev.frontline.admin.Logins;
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

	private static final String BEARER_CHALLENGE = "Bearer realm=\"frontline\"";

	@Autowired
	private MockMvc mvc;

	@Test
	void refusesTheWatchWithoutAToken() throws Exception {
		unauthorized(this.mvc.perform(get("/api/v1/config/watch").accept(MediaType.TEXT_EVENT_STREAM)),
				BEARER_CHALLENGE)
			.andExpect(jsonPath("$.detail", containsString("Bearer")));
	}

	@Test
	void refusesTheWatchWithAWrongToken() throws Exception {
		unauthorized(this.mvc.perform(get("/api/v1/config/watch").accept(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.AUTHORIZATION, "Bearer guessed")), BEARER_CHALLENGE)
			.andExpect(jsonPath("$.detail").value("The control-plane token is not valid"));
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
			.perform(post("/api/v1/gateways/gw-1/status").contentType(MediaType.APPLICATION_JSON).content(HEARTBEAT)),
				BEARER_CHALLENGE);
		unauthorized(this.mvc.perform(post("/api/v1/gateways/gw-1/status").contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Basic " + ApiTest.TOKEN)
			.content(HEARTBEAT)), BEARER_CHALLENGE);
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
	void refusesPeoplesCredentialsOnTheGatewayEndpoints() throws Exception {
		unauthorized(
				this.mvc.perform(get("/api/v1/config/watch").accept(MediaType.TEXT_EVENT_STREAM).with(Logins.ADMIN)),
				BEARER_CHALLENGE);
		unauthorized(this.mvc.perform(post("/api/v1/gateways/gw-people/status").with(Logins.ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(HEARTBEAT)), BEARER_CHALLENGE);
	}

	@Test
	void refusesTheTokenOnThePeoplesApi() throws Exception {
		String token = "Bearer " + ApiTest.TOKEN;
		String basic = "Basic realm=\"frontline\"";
		unauthorized(this.mvc.perform(get("/api/v1/routes").header(HttpHeaders.AUTHORIZATION, token)), basic);
		unauthorized(this.mvc.perform(get("/api/v1/gateways").header(HttpHeaders.AUTHORIZATION, token)), basic);
		unauthorized(this.mvc.perform(get("/api/v1/config").header(HttpHeaders.AUTHORIZATION, token)), basic);
		unauthorized(this.mvc.perform(post("/api/v1/routes").header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")), basic);
	}

	private static ResultActions unauthorized(ResultActions result, String challenge) throws Exception {
		return result.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, challenge))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:frontline:problem:unauthorized"))
			.andExpect(jsonPath("$.status").value(401));
	}

}
