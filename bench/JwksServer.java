import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in identity provider for the benchmark: makes an RSA key, serves it as a JWKS at
 * {@code http://127.0.0.1:<port>/jwks.json}, and writes an RS256 token signed with it to
 * {@code <dir>/rs256.token}. Usage: {@code java JwksServer.java <port> <dir>}.
 */
public class JwksServer {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		Path dir = Path.of(args[1]);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
		String kid = "bench-" + Long.toHexString(System.nanoTime());
		byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
				+ base64(unsigned(publicKey.getModulus())) + "\",\"e\":\""
				+ base64(unsigned(publicKey.getPublicExponent())) + "\"}]}")
			.getBytes(StandardCharsets.UTF_8);

		long now = Instant.now().getEpochSecond();
		String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
		String claims = "{\"sub\":\"bench-user\",\"scope\":\"bench\",\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}";
		String input = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64(claims.getBytes(StandardCharsets.UTF_8));
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(pair.getPrivate());
		signature.update(input.getBytes(StandardCharsets.US_ASCII));
		Files.writeString(dir.resolve("rs256.token"), input + "." + base64(signature.sign()));

		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/jwks.json", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		server.start();
		System.out.println("JWKS on http://127.0.0.1:" + port + "/jwks.json");
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			byte[] trimmed = new byte[bytes.length - 1];
			System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
			return trimmed;
		}
		return bytes;
	}

	private static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
