package dev.frontline.functions.async;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Forwards TCP connections from a port of its own to a server, and cuts them all at once,
 * as a network failure between a runtime and its database does: open connections are
 * closed and new ones refused, until it opens again on the same port.
 */
final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private @Nullable ServerSocket listening;

	/**
	 * Starts forwarding from a free port.
	 */
	TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.port = open(0);
	}

	/**
	 * The port it forwards from.
	 */
	int port() {
		return this.port;
	}

	/**
	 * Closes every connection and refuses new ones.
	 */
	synchronized void cut() {
		close(this.listening);
		this.listening = null;
		this.sockets.forEach(TcpProxy::close);
		this.sockets.clear();
	}

	/**
	 * Accepts connections again.
	 */
	synchronized void open() {
		if (this.listening == null) {
			open(this.port);
		}
	}

	@Override
	public void close() {
		cut();
	}

	private synchronized int open(int port) {
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress("127.0.0.1", port));
			this.listening = server;
			daemon(() -> accept(server));
			return server.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket target = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				daemon(() -> pump(client, target));
				daemon(() -> pump(target, client));
			}
			catch (IOException ex) {
				// Cut: the server socket is closed.
			}
		}
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// Either side went away.
		}
		finally {
			close(from);
			close(to);
		}
	}

	private static void daemon(Runnable work) {
		Thread thread = new Thread(work, "tcp-proxy");
		thread.setDaemon(true);
		thread.start();
	}

	private static void close(@Nullable AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing is all that is asked.
		}
	}

}
