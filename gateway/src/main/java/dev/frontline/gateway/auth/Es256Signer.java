package dev.frontline.gateway.auth;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * Signs JWS objects with ES256 (ECDSA on P-256 with SHA-256), through Bouncy Castle's
 * P-256 arithmetic with precomputed multiples of the base point, and deterministic nonces
 * (RFC 6979). A passport is signed for every forwarded request, and the JDK's own ECDSA
 * (what Nimbus's {@code ECDSASigner} uses) takes several times as long on Java 17, enough
 * to cap the gateway's throughput. The signatures are plain ES256: any JWS library
 * verifies them.
 */
final class Es256Signer implements JWSSigner {

	private static final int COORDINATE_LENGTH = 32;

	private static final ECDomainParameters P256 = p256();

	private final ECPrivateKeyParameters key;

	private final JCAContext jcaContext = new JCAContext();

	/**
	 * A signer with the given key.
	 * @throws IllegalArgumentException if it is not a key on the P-256 curve
	 */
	Es256Signer(ECPrivateKey key) {
		if (!Curve.P_256.equals(Curve.forECParameterSpec(key.getParams()))) {
			throw new IllegalArgumentException("The passport signing key must be an EC key on the P-256 curve");
		}
		this.key = new ECPrivateKeyParameters(key.getS(), P256);
	}

	@Override
	public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
		if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
			throw new JOSEException("Only ES256 is supported, not " + header.getAlgorithm());
		}
		SHA256Digest digest = new SHA256Digest();
		digest.update(signingInput, 0, signingInput.length);
		byte[] hash = new byte[digest.getDigestSize()];
		digest.doFinal(hash, 0);
		// Cheap to create, and not thread-safe: one per signature.
		ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
		ecdsa.init(true, this.key);
		BigInteger[] signature = ecdsa.generateSignature(hash);
		byte[] jws = new byte[2 * COORDINATE_LENGTH];
		copyUnsigned(signature[0], jws, 0);
		copyUnsigned(signature[1], jws, COORDINATE_LENGTH);
		return Base64URL.encode(jws);
	}

	/**
	 * Writes the value big-endian into its fixed-length slot, as JWS wants the R and S of
	 * a signature.
	 */
	private static void copyUnsigned(BigInteger value, byte[] target, int offset) {
		byte[] bytes = value.toByteArray();
		int length = Math.min(bytes.length, COORDINATE_LENGTH);
		System.arraycopy(bytes, bytes.length - length, target, offset + COORDINATE_LENGTH - length, length);
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return Set.of(JWSAlgorithm.ES256);
	}

	@Override
	public JCAContext getJCAContext() {
		return this.jcaContext;
	}

	private static ECDomainParameters p256() {
		X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
		return new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
	}

}
