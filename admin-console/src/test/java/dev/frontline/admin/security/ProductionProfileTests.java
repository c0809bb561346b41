package dev.frontline.admin.security;

import dev.frontline.admin.AdminConsoleApplication;
import dev.frontline.admin.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:prod-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
		"frontline.control-plane.token=" + ProductionProfileTests.TOKEN })
@AutoConfigureMockMvc
@ActiveProfiles("prod")
class ProductionProfileTests {

	static final String TOKEN = "a-secret-of-our-own";

	@Autowired
	private MockMvc mvc;

	@Test
	void refusesToStartWithTheDefaultToken() {
		SpringApplicationBuilder application = new SpringApplicationBuilder(AdminConsoleApplication.class)
			.web(WebApplicationType.NONE)
			.profiles("prod");
		assertThatException()
			.isThrownBy(() -> application
				.run("--spring.datasource.url=" + ApiTest.DATABASE.replace("api-tests", "prod-refused")))
			.havingRootCause()
			.isInstanceOf(DefaultTokenInProduction.class)
			.withMessageContaining("frontline.control-plane.token")
			.withMessageContaining("'prod'");
	}

	@Test
	void requiresTheTokenForThePeoplesApiToo() throws Exception {
		this.mvc.perform(get("/api/v1/routes")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/routes").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
			.andExpect(status().isOk());
	}

}
