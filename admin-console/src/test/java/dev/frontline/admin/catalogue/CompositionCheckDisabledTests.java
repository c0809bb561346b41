package dev.frontline.admin.catalogue;

import dev.frontline.admin.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static dev.frontline.admin.Logins.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code frontline.admin.catalogue.enabled=false}, route writes do not ask the
 * function runtime anything.
 */
@ApiTest
@TestPropertySource(properties = "frontline.admin.catalogue.enabled=false")
class CompositionCheckDisabledTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void acceptsAnyCompositionWithoutAskingTheRuntime() throws Exception {
		try (FunctionRuntimeStub runtime = FunctionRuntimeStub.start()) {
			this.mvc
				.perform(post("/api/v1/routes").with(OPERATOR)
					.contentType(MediaType.APPLICATION_JSON)
					.content(CompositionApiTests.route("unchecked", runtime.uri(), "mobileView|nothing")))
				.andExpect(status().isCreated())
				.andExpect(header().doesNotExist("X-Frontline-Warning"));
			assertThat(runtime.requests()).isZero();
			// The store is shared with other tests: leave no route to a stopped runtime.
			this.mvc.perform(delete("/api/v1/routes/unchecked").with(OPERATOR)).andExpect(status().isNoContent());
		}
	}

}
