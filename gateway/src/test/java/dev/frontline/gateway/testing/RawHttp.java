package dev.frontline.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Sends bytes that an HTTP client would refuse to send (raw control characters, unknown
 * methods, malformed encodings) over a plain socket, and reads the one answer to them.
 */
public final class RawHttp {

	private static final int TIMEOUT_MILLIS = 10_000;

	private final int port;

	/**
	 * A client of the server on the given local port.
	 */
	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * Sends {@code <requestLine>\r\nHost: ...\r\n<headers>\r\nConnection: close\r\n\r\n}
	 * and reads the answer. Each header is a whole line without its line end.
	 */
	public Answer send(String requestLine, String... headers) {
		StringBuilder request = new StringBuilder(requestLine).append("\r\n");
		request.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		return exchange(request.toString().getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Sends the bytes as they are and reads the answer.
	 */
	public Answer exchange(byte[] request) {
		return exchange(List.of(request));
	}

	/**
	 * Sends each part as it is, flushing after each, and reads the answer. A server that
	 * answers and closes the connection before the last part was sent is fine: the answer
	 * is read all the same.
	 */
	public Answer exchange(List<byte[]> parts) {
		try (Connection connection = connect()) {
			parts.forEach(connection::send);
			return connection.answer();
		}
	}

	/**
	 * Opens a connection to send a request on in parts, with pauses between them.
	 */
	public Connection connect() {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			return new Connection(socket);
		}
		catch (IOException ex) {
			try {
				socket.close();
			}
			catch (IOException closing) {
				ex.addSuppressed(closing);
			}
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A connection to the server.
	 */
	public static final class Connection implements AutoCloseable {

		private final Socket socket;

		private boolean closedByServer;

		private Connection(Socket socket) {
			this.socket = socket;
		}

		/**
		 * Sends the bytes, unless the server closed the connection already.
		 */
		public void send(byte[] part) {
			if (this.closedByServer) {
				return;
			}
			try {
				OutputStream out = this.socket.getOutputStream();
				out.write(part);
				out.flush();
			}
			catch (SocketException ex) {
				// The server answered early and closed; its answer is still to be read.
				this.closedByServer = true;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Reads the answer.
		 */
		public Answer answer() {
			try {
				return Answer.read(this.socket.getInputStream());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * An HTTP answer as it came over the wire.
	 *
	 * @param status the status code
	 * @param headerLines each header line, as sent
	 * @param body the body, de-chunked; as much as arrived before the connection closed
	 */
	public record Answer(int status, List<String> headerLines, String body) {

		/**
		 * The value of the first header of the given name, or {@code null}.
		 */
		public @Nullable String header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			for (String line : this.headerLines) {
				if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
					return line.substring(prefix.length()).strip();
				}
			}
			return null;
		}

		static Answer read(InputStream in) throws IOException {
			String statusLine = line(in);
			if (statusLine == null) {
				throw new IOException("The server closed the connection without answering");
			}
			String[] parts = statusLine.split(" ", 3);
			int status = Integer.parseInt(parts[1]);
			List<String> headers = new ArrayList<>();
			for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
				headers.add(line);
			}
			Answer head = new Answer(status, headers, "");
			String length = head.header("Content-Length");
			byte[] body;
			if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
				body = chunked(in);
			}
			else if (length != null) {
				body = in.readNBytes(Integer.parseInt(length));
			}
			else {
				body = readToEnd(in);
			}
			return new Answer(status, List.copyOf(headers), new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] chunked(InputStream in) throws IOException {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (String size = line(in); size != null; size = line(in)) {
				int length = Integer.parseInt(size.strip(), 16);
				if (length == 0) {
					break;
				}
				body.write(in.readNBytes(length));
				line(in);
			}
			return body.toByteArray();
		}

		private static byte[] readToEnd(InputStream in) throws IOException {
			try {
				return in.readAllBytes();
			}
			catch (SocketTimeoutException | SocketException ex) {
				return new byte[0];
			}
		}

		private static @Nullable String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != -1; b = in.read()) {
				if (b == '\n') {
					String text = line.toString(StandardCharsets.ISO_8859_1);
					return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
				}
				line.write(b);
			}
			return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
		}

	}

}
