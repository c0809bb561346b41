package dev.frontline.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this gateway keeps its config snapshot in sync with the control plane.
 *
 * @param id the id this gateway reports to the control plane; default the host name and
 * the server port (for example {@code web-1-8080}), so that a restarted instance keeps
 * its id
 * @param snapshotFile where the last good snapshot is kept; default
 * {@code ${frontline.data-dir}/gateway/<id>/last-good-snapshot.json}
 * @param heartbeatInterval time between two status reports to the control plane; default
 * 5 s
 * @param controlPlane where the control plane is
 * @param watch how the watch of the control plane reconnects
 */
@ConfigurationProperties("frontline.gateway")
@Validated
public record ConfigSyncProperties(
		@Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}",
				message = "must be 1 to 100 letters, digits, dots, dashes or underscores") String id,
		@Nullable Path snapshotFile, @DefaultValue("5s") @DurationMin(millis = 10) Duration heartbeatInterval,
		@DefaultValue @Valid ControlPlane controlPlane, @DefaultValue @Valid Watch watch) {

	/**
	 * The control plane.
	 *
	 * @param uri base URI of the control plane's API; default
	 * {@code http://localhost:9000}
	 */
	public record ControlPlane(@DefaultValue("http://localhost:9000") @NotNull URI uri) {

	}

	/**
	 * The watch of config snapshots.
	 *
	 * @param minBackoff wait before the first reconnect after the watch fails; doubled
	 * for each further failure, with random jitter of up to half; default 500 ms
	 * @param maxBackoff longest wait between reconnects; default 15 s
	 * @param idleTimeout a watch that brings no event and no keep-alive for this long is
	 * reconnected; default 30 s
	 */
	public record Watch(@DefaultValue("500ms") @DurationMin(millis = 1) Duration minBackoff,
			@DefaultValue("15s") @DurationMin(millis = 1) Duration maxBackoff,
			@DefaultValue("30s") @DurationMin(millis = 10) Duration idleTimeout) {

	}

}
