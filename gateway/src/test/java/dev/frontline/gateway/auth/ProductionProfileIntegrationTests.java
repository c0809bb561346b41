package dev.frontline.gateway.auth;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.frontline.gateway.GatewayApplication;
import dev.frontline.gateway.testing.ClosedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The gateway under the {@code prod} profile refuses the published secrets of local
 * development.
 */
class ProductionProfileIntegrationTests {

	private static final String OWN_SECRET = "--frontline.gateway.auth.jwt.hmac-secret=a-production-secret-of-at-least-32-chars";

	@TempDir
	Path dataDir;

	@Test
	void refusesToStartWithTheDevelopmentHmacSecret() {
		assertThatException().isThrownBy(() -> start(ownPassportKey()))
			.havingRootCause()
			.isInstanceOf(DevelopmentSecretInProduction.class)
			.withMessage("Refusing to start: frontline.gateway.auth.jwt.hmac-secret is the HMAC secret of local"
					+ " development under the 'prod' profile");
	}

	@Test
	void refusesToStartWithTheDevelopmentPassportKey() {
		assertThatException().isThrownBy(() -> start(OWN_SECRET))
			.havingRootCause()
			.isInstanceOfSatisfying(DevelopmentSecretInProduction.class, (ex) -> {
				assertThat(ex.property()).isEqualTo("frontline.passport.signing-key");
				FailureAnalysis analysis = new DevelopmentSecretInProductionFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).contains("frontline.passport.signing-key");
				assertThat(analysis.getAction()).contains("public key to the function runtimes");
			});
	}

	@Test
	void refusesToStartWithTheDevelopmentPassportKeyCopiedToAFile() throws Exception {
		Path copy = this.dataDir.resolve("key.pem");
		try (var in = getClass().getResourceAsStream("/passport/dev-signing-key.pem")) {
			java.nio.file.Files.write(copy, in.readAllBytes());
		}
		assertThatException().isThrownBy(() -> start(OWN_SECRET, "--frontline.passport.signing-key=file:" + copy))
			.havingRootCause()
			.isInstanceOf(DevelopmentSecretInProduction.class);
	}

	@Test
	void startsWithSecretsOfItsOwn() throws Exception {
		try (ConfigurableApplicationContext context = start(OWN_SECRET, ownPassportKey())) {
			assertThat(context.isRunning()).isTrue();
		}
	}

	@Test
	void startsWithAJwkSetWhateverTheUnusedHmacSecret() throws Exception {
		try (ConfigurableApplicationContext context = start(ownPassportKey(),
				"--frontline.gateway.auth.jwt.jwk-set-uri=" + ClosedPort.uri() + "/jwks")) {
			assertThat(context.isRunning()).isTrue();
		}
	}

	private ConfigurableApplicationContext start(String... arguments) {
		List<String> all = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0",
				"--management.server.port=0", "--spring.main.banner-mode=off", "--frontline.data-dir=" + this.dataDir,
				"--frontline.gateway.id=prod-test", "--frontline.gateway.control-plane.uri=" + ClosedPort.uri()));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(GatewayApplication.class).run(all.toArray(String[]::new));
	}

	private static String ownPassportKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			String base64 = Base64.getMimeEncoder()
				.encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
			return "--frontline.passport.signing-key=-----BEGIN PRIVATE KEY-----\n" + base64
					+ "\n-----END PRIVATE KEY-----";
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
