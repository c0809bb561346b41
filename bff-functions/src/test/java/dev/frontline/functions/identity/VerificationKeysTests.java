package dev.frontline.functions.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class VerificationKeysTests {

	@TempDir
	Path directory;

	@Test
	void readsKeysInlineFromTheClasspathAndFromFiles() throws IOException {
		String pem = new ClassPathResource("passport/next-public-key.pem")
			.getContentAsString(StandardCharsets.US_ASCII);
		Path file = Files.writeString(this.directory.resolve("next.pem"), pem);
		VerificationKeys keys = load(
				Map.of("inline", pem, "classpath", "classpath:passport/dev-public-key.pem", "file", "file:" + file));
		assertThat(keys.byId()).containsOnlyKeys("inline", "classpath", "file");
		assertThat(keys.idOf(keys.byId().get("file"))).isIn("inline", "file");
		assertThat(keys.idOf(keys.byId().get("classpath"))).isEqualTo("classpath");
	}

	@Test
	void refusesAPrivateKeyNamingTheKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> load(Map.of("gw-2026", "classpath:passport/dev-signing-key.pem")))
			.withMessageStartingWith("frontline.passport.verification-keys.gw-2026 cannot verify passports: a PEM "
					+ "PRIVATE KEY, where the gateway's PUBLIC KEY is expected")
			.withMessageEndingWith("(value: classpath:passport/dev-signing-key.pem)");
	}

	@Test
	void refusesAMissingFile() {
		assertThatIllegalStateException()
			.isThrownBy(() -> load(Map.of("gw", "file:" + this.directory.resolve("absent.pem"))))
			.withMessageContaining("cannot verify passports: no such file");
	}

	@Test
	void refusesTextThatIsNotPem() {
		assertThatIllegalStateException().isThrownBy(() -> load(Map.of("gw", "-----BEGIN PUBLIC KEY----- oops")))
			.withMessageContaining("not a PEM block")
			.withMessageEndingWith("(value: inline PEM)");
	}

	@Test
	void refusesAKeyOnAnotherCurve() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		assertThatIllegalStateException().isThrownBy(() -> load(Map.of("gw", pem)))
			.withMessageContaining("not a P-256 key");
	}

	@Test
	void refusesAnRsaKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		assertThatIllegalStateException().isThrownBy(() -> load(Map.of("gw", pem)))
			.withMessageContaining("not an EC public key");
	}

	private static VerificationKeys load(Map<String, String> configured) {
		return VerificationKeys.load(configured, new DefaultResourceLoader());
	}

}
