package dev.frontline.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy to a local port that can be cut off, connections and all, and opened again
 * on the same port: a server that goes away and comes back.
 */
final class TcpProxy implements AutoCloseable {

	private final int target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile int port;

	private volatile @Nullable ServerSocket server;

	TcpProxy(int target) {
		this.target = target;
		open();
	}

	int port() {
		return this.port;
	}

	/**
	 * Listens again, on the port of before. The port is below the ephemeral range (32768
	 * and up): a client that keeps reconnecting to an ephemeral port nobody listens on
	 * can end up connected to itself, and hold the port.
	 */
	synchronized void open() {
		IOException failure = null;
		for (int attempt = 0; attempt < 50; attempt++) {
			int candidate = (this.port != 0) ? this.port : 20_000 + ThreadLocalRandom.current().nextInt(10_000);
			try {
				ServerSocket socket = new ServerSocket();
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate), 50);
				this.server = socket;
				this.port = candidate;
				daemon(() -> accept(socket));
				return;
			}
			catch (IOException ex) {
				failure = ex;
				sleep();
			}
		}
		throw new UncheckedIOException(failure);
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops listening and drops every connection.
	 */
	synchronized void cut() {
		ServerSocket listening = this.server;
		if (listening != null) {
			closeQuietly(listening);
		}
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	@Override
	public void close() {
		cut();
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
				this.sockets.add(client);
				this.sockets.add(upstream);
				pipe(client, upstream);
				pipe(upstream, client);
			}
			catch (IOException ex) {
				// Cut off.
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		daemon(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// Either side went away.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		});
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "tcp-proxy");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Going away anyway.
		}
	}

}
