package dev.frontline.contract;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private static final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void issuedKeyMatchesItsEntryAndNamesItsId() {
		ApiKey.Issued issued = ApiKey.issue("partner-app", List.of("catalog:read"), Instant.EPOCH);
		assertThat(issued.key()).startsWith("fl_" + issued.entry().id() + "_");
		assertThat(issued.entry().matches(issued.key())).isTrue();
		assertThat(ApiKey.idOf(issued.key())).contains(issued.entry().id());
		assertThat(ConfigViolations.of(validator, issued.entry())).isEmpty();
	}

	@Test
	void storesOnlyAHashOfTheKey() {
		ApiKey.Issued issued = ApiKey.issue("partner-app", List.of(), Instant.EPOCH);
		// The secret is base64url and may itself contain '_': it is what follows
		// "fl_<id>_".
		String secret = issued.key().substring(("fl_" + issued.entry().id() + "_").length());
		assertThat(secret).hasSizeGreaterThan(20);
		assertThat(ConfigJson.mapper().writeValueAsString(issued.entry())).doesNotContain(secret)
			.contains(issued.entry().hash());
	}

	@Test
	void rejectsOtherKeys() {
		ApiKey.Issued issued = ApiKey.issue("partner-app", List.of(), Instant.EPOCH);
		ApiKey.Issued other = ApiKey.issue("partner-app", List.of(), Instant.EPOCH);
		assertThat(issued.entry().matches(other.key())).isFalse();
		String tampered = issued.key().substring(0, issued.key().length() - 1)
				+ (issued.key().endsWith("A") ? "B" : "A");
		assertThat(issued.entry().matches(tampered)).isFalse();
	}

	@Test
	void findsNoIdInTextThatIsNoKey() {
		assertThat(ApiKey.idOf("not-a-key")).isEmpty();
		assertThat(ApiKey.idOf("fl_short_secret")).isEmpty();
	}

	@Test
	void issuesDistinctKeys() {
		assertThat(ApiKey.issue("a", List.of(), Instant.EPOCH).key())
			.isNotEqualTo(ApiKey.issue("a", List.of(), Instant.EPOCH).key());
	}

	@Test
	void snapshotHashCoversApiKeys() {
		ApiKey key = ApiKey.issue("a", List.of(), Instant.EPOCH).entry();
		ConfigSnapshot without = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of());
		ConfigSnapshot with = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(), List.of(key));
		assertThat(with.hash()).isNotEqualTo(without.hash());
		assertThat(ConfigViolations.of(validator, with)).isEmpty();
		assertThat(ConfigJson.readSnapshot(ConfigJson.write(with))).isEqualTo(with);
	}

	@Test
	void rejectsDuplicateKeyIdsInASnapshot() {
		ApiKey key = ApiKey.issue("a", List.of(), Instant.EPOCH).entry();
		ConfigSnapshot snapshot = ConfigSnapshot.of(1, Instant.EPOCH, "a", List.of(), List.of(key, key));
		assertThat(ConfigViolations.of(validator, snapshot)).extracting(FieldError::field)
			.containsExactly("apiKeys[1].id");
	}

}
