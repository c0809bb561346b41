package dev.frontline.gateway.auth;

import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import dev.frontline.gateway.testing.Tokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Es256SignerTests {

	private final ECKey key = Tokens.ecKey("k");

	private final JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);

	@Test
	void signsWhatTheJdksEcdsaVerifies() throws JOSEException {
		Es256Signer signer = new Es256Signer(this.key.toECPrivateKey());
		ECDSAVerifier verifier = new ECDSAVerifier(this.key.toECPublicKey());
		// Enough signatures that some have an R or S with leading zero bytes.
		for (int i = 0; i < 300; i++) {
			byte[] input = ("header.payload-" + i).getBytes(StandardCharsets.US_ASCII);
			Base64URL signature = signer.sign(this.header, input);
			assertThat(signature.decode()).hasSize(64);
			assertThat(verifier.verify(this.header, input, signature)).as("signature %d", i).isTrue();
		}
	}

	@Test
	void signsNothingButEs256() throws JOSEException {
		Es256Signer signer = new Es256Signer(this.key.toECPrivateKey());
		assertThatExceptionOfType(JOSEException.class)
			.isThrownBy(() -> signer.sign(new JWSHeader(JWSAlgorithm.ES384), new byte[] { 1 }));
	}

}
