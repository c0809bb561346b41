package dev.frontline.contract;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A token bucket per route and key: {@code permits} tokens refill every {@code period},
 * and the bucket holds at most {@code burst}.
 *
 * @param key what a bucket is kept per: {@code user}, {@code api-key}, {@code client-ip}
 * or {@code header}
 * @param header the header whose value is the key, when the key is {@code header}
 * @param permits tokens added per period; positive
 * @param period refill period, from 1 ms to 1 day
 * @param burst bucket capacity, at least {@code permits}; default {@code permits}
 * @param overrides other permits and burst for named clients (the API key's client or the
 * token's client id), for example a partner app that gets more; default none
 */
@Consistent
public record RateLimitPolicy(@NotNull KeyType key,
		@Nullable @Pattern(regexp = "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}",
				message = "must be an HTTP header name") String header,
		@Positive @JsonSetter(nulls = Nulls.AS_EMPTY) long permits,
		@NotNull @DurationRange(minMillis = 1, maxMillis = 86_400_000) @JsonSerialize(
				using = DurationJson.Serializer.class) @JsonDeserialize(
						using = DurationJson.Deserializer.class) Duration period,
		@Positive @JsonSetter(nulls = Nulls.AS_EMPTY) long burst,
		@NotNull @Size(max = 100) List<@NotNull @Valid ClientOverride> overrides) implements SelfChecking {

	public RateLimitPolicy {
		key = (key != null) ? key : KeyType.CLIENT_IP;
		burst = (burst != 0) ? burst : permits;
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
	}

	/**
	 * A policy without client overrides.
	 */
	public RateLimitPolicy(KeyType key, @Nullable String header, long permits, Duration period, long burst) {
		this(key, header, permits, period, burst, List.of());
	}

	/**
	 * The permits and burst that apply to the given client, if it has an override.
	 */
	public Optional<ClientOverride> overrideFor(@Nullable String client) {
		if (client == null) {
			return Optional.empty();
		}
		return this.overrides.stream().filter((override) -> override.client().equals(client)).findFirst();
	}

	@Override
	public void checkConsistency(Problems problems) {
		if (this.key == KeyType.HEADER && (this.header == null || this.header.isBlank())) {
			problems.add("header", "must name a header when the key is 'header'");
		}
		if (this.key != KeyType.HEADER && this.header != null) {
			problems.add("header", "must be empty unless the key is 'header'");
		}
		if (this.burst < this.permits) {
			problems.add("burst", "must be at least permits (" + this.permits + ")");
		}
		Set<String> clients = new HashSet<>();
		for (int i = 0; i < this.overrides.size(); i++) {
			ClientOverride override = this.overrides.get(i);
			if (override != null && override.client() != null && !clients.add(override.client())) {
				problems.add("overrides[" + i + "].client", "duplicate client '" + override.client() + "'");
			}
		}
	}

	/**
	 * Other permits for one client.
	 *
	 * @param client the API key's client or the token's client id
	 * @param permits tokens added per period of the policy; positive
	 * @param burst bucket capacity, at least {@code permits}; default {@code permits}
	 */
	@Consistent
	public record ClientOverride(@NotBlank @Size(max = 100) String client,
			@Positive @JsonSetter(nulls = Nulls.AS_EMPTY) long permits,
			@Positive @JsonSetter(nulls = Nulls.AS_EMPTY) long burst) implements SelfChecking {

		public ClientOverride {
			burst = (burst != 0) ? burst : permits;
		}

		@Override
		public void checkConsistency(Problems problems) {
			if (this.burst < this.permits) {
				problems.add("burst", "must be at least permits (" + this.permits + ")");
			}
		}

	}

	/** What a rate-limit bucket is kept per. */
	public enum KeyType {

		/** The authenticated subject. */
		@JsonProperty("user")
		USER,

		/** The API key's client. */
		@JsonProperty("api-key")
		API_KEY,

		/** The client's IP address. */
		@JsonProperty("client-ip")
		CLIENT_IP,

		/** The value of a named request header. */
		@JsonProperty("header")
		HEADER

	}

}
