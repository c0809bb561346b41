package dev.frontline.admin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.frontline.admin.snapshot.ConfigVersion;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.snapshot.SnapshotPublisher;
import dev.frontline.contract.ConfigSnapshot;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default store, an embedded file database under the data directory, keeps what was
 * published across restarts.
 */
class FileStoreRestartTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsVersionsAcrossARestartWithoutSeedingAgain() {
		ConfigSnapshot published;
		try (ConfigurableApplicationContext first = start()) {
			assertThat(first.getBean(ConfigVersions.class).history(10)).extracting(ConfigVersion::summary)
				.containsExactly("seed");
			published = first.getBean(SnapshotPublisher.class).publish("tester", "add kept", (current) -> {
				List<RouteRule> routes = new ArrayList<>(current.routes());
				routes.add(RouteRule.of("kept", RouteMatch.of("/api/kept", "GET"),
						Target.of("http://localhost:8090", "product")));
				return routes;
			}).orElseThrow();
		}
		assertThat(this.dataDir.resolve("admin-console/frontline.mv.db")).isRegularFile();
		try (ConfigurableApplicationContext second = start()) {
			ConfigVersions versions = second.getBean(ConfigVersions.class);
			assertThat(versions.current()).isEqualTo(published);
			assertThat(versions.history(10)).extracting(ConfigVersion::summary).containsExactly("add kept", "seed");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(AdminConsoleApplication.class).web(WebApplicationType.NONE)
			.run("--frontline.data-dir=" + this.dataDir);
	}

}
