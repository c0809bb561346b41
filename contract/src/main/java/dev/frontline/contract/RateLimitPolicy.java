package dev.frontline.contract;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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
 */
@Consistent
public record RateLimitPolicy(@NotNull KeyType key,
		@Nullable @Pattern(regexp = "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}",
				message = "must be an HTTP header name") String header,
		@Positive @JsonSetter(nulls = Nulls.AS_EMPTY) long permits,
		@NotNull @DurationRange(minMillis = 1, maxMillis = 86_400_000) @JsonSerialize(
				using = DurationJson.Serializer.class) @JsonDeserialize(
						using = DurationJson.Deserializer.class) Duration period,
		@Positive @JsonSetter(nulls = Nulls.AS_EMPTY) long burst) implements SelfChecking {

	public RateLimitPolicy {
		key = (key != null) ? key : KeyType.CLIENT_IP;
		burst = (burst != 0) ? burst : permits;
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
