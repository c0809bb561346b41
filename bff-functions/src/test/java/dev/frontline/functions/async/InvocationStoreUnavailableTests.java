package dev.frontline.functions.async;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationStoreUnavailableTests {

	@Test
	void takesAStoreThatCannotBeReachedOrAnswersTooLateForUnavailable() {
		SQLTransientConnectionException timedOut = new SQLTransientConnectionException(
				"Connection is not available, request timed out after 3000ms", new ConnectException("refused"));
		assertThat(InvocationStoreUnavailable.isCause(new CannotGetJdbcConnectionException("No connection", timedOut)))
			.isTrue();
		assertThat(InvocationStoreUnavailable
			.isCause(new CannotCreateTransactionException("Could not open JDBC Connection for transaction", timedOut)))
			.isTrue();
		assertThat(InvocationStoreUnavailable.isCause(new DataAccessResourceFailureException("I/O error"))).isTrue();
		assertThat(InvocationStoreUnavailable.isCause(new QueryTimeoutException("Lock wait timed out"))).isTrue();
		assertThat(InvocationStoreUnavailable.isCause(new IllegalStateException("wrapped", timedOut))).isTrue();
	}

	@Test
	void leavesFailuresThatTryingAgainWouldNotMendAlone() {
		assertThat(InvocationStoreUnavailable.isCause(new DuplicateKeyException("duplicate key"))).isFalse();
		assertThat(InvocationStoreUnavailable
			.isCause(new BadSqlGrammarException("select", "SELECT nothing", new SQLException("syntax", "42601"))))
			.isFalse();
		assertThat(InvocationStoreUnavailable.isCause(new IllegalStateException("changed while it was locked")))
			.isFalse();
	}

	@Test
	void asksTheClientToTryAgainWithoutNamingTheCause() {
		InvocationStoreUnavailable problem = new InvocationStoreUnavailable(
				new CannotGetJdbcConnectionException("jdbc:postgresql://db.internal:5432/frontline"));
		assertThat(problem.getStatusCode().value()).isEqualTo(503);
		assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(problem.getBody().getDetail()).doesNotContain("jdbc", "db.internal");
	}

}
