package dev.frontline.admin.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 requests written byte for byte, for what an HTTP client would refuse to send
 * or would tidy up first: bytes that are not UTF-8 in a path, {@code ..} segments, a
 * method of one's own.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request without a body and reads the whole response.
	 * @param target the request target, as bytes
	 * @param headers further header lines, such as {@code Authorization: Basic ...}
	 */
	static Response send(int port, String method, byte[] target, String... headers) throws IOException {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(method.getBytes(StandardCharsets.US_ASCII));
		request.write(' ');
		request.writeBytes(target);
		StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toByteArray());
			out.flush();
			return Response.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/**
	 * Sends a request whose target is ASCII.
	 */
	static Response send(int port, String method, String target, String... headers) throws IOException {
		return send(port, method, target.getBytes(StandardCharsets.US_ASCII), headers);
	}

	/**
	 * A response: its status, its headers (names in lower case) and its body as sent,
	 * chunked or not.
	 */
	record Response(int status, Map<String, String> headers, String body) {

		static Response parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, (end < 0) ? text.length() : end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new TreeMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).trim());
				}
			}
			return new Response(status, headers, (end < 0) ? "" : text.substring(end + 4));
		}

		String header(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
		}

	}

}
