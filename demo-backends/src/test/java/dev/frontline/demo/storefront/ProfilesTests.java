package dev.frontline.demo.storefront;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesTests {

	private final Profiles profiles = new Profiles();

	@Test
	void answersAnyUserWithCapitalisedName() {
		assertThat(this.profiles.find("alice")).contains(new UserProfile("alice", "Alice", "gold"));
		assertThat(this.profiles.find("bob"))
			.hasValueSatisfying((profile) -> assertThat(profile.name()).isEqualTo("Bob"));
	}

	@Test
	void givesTheSameTierToTheSameUserEveryTime() {
		assertThat(new Profiles().find("dave")).isEqualTo(this.profiles.find("dave"));
	}

	@Test
	void spreadsUsersOverAllTiers() {
		Set<String> tiers = List.of("alice", "bob", "carol", "dave", "erin", "frank")
			.stream()
			.map((id) -> this.profiles.find(id).orElseThrow().tier())
			.collect(Collectors.toSet());
		assertThat(tiers).containsExactlyInAnyOrder("gold", "silver", "bronze");
	}

	@Test
	void hasNoProfileForTheMissingUser() {
		assertThat(this.profiles.find(Profiles.MISSING_USER)).isEmpty();
		assertThat(this.profiles.find(" ")).isEmpty();
	}

}
