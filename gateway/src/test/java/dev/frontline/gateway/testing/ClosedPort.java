package dev.frontline.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A local port that nothing listens on, so that connecting to it is refused.
 */
public final class ClosedPort {

	private ClosedPort() {
	}

	/**
	 * A port that was free a moment ago.
	 */
	public static int find() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The base URI of a server that is not there.
	 */
	public static String uri() {
		return "http://127.0.0.1:" + find();
	}

}
