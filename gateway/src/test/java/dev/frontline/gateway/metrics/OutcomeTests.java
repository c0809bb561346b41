package dev.frontline.gateway.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTests {

	@ParameterizedTest(name = "{0} from the gateway is {1}")
	@CsvSource({ "200, success", "204, success", "304, success", "400, client_error", "404, client_error",
			"413, client_error", "401, rejected", "403, rejected", "429, rejected", "503, rejected",
			"502, upstream_error", "504, timeout", "500, server_error" })
	void classifiesTheGatewaysOwnAnswers(int status, String outcome) {
		assertThat(Outcome.of(status, false).tag()).isEqualTo(outcome);
	}

	@ParameterizedTest(name = "{0} from the target is {1}")
	@CsvSource({ "200, success", "302, success", "401, client_error", "404, client_error", "429, client_error",
			"500, server_error", "502, server_error", "503, server_error", "504, server_error" })
	void countsTheAnswersOfTheTargetAsItsOwn(int status, String outcome) {
		assertThat(Outcome.of(status, true).tag()).isEqualTo(outcome);
	}

}
