package dev.frontline.testing;

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
 * A TCP proxy on loopback to a local port, such as PostgreSQL's or Redis's: a server that
 * can go away, connections and all, and come back on the same port.
 * <p>
 * Its port is below the ephemeral range (32768 and up): a client that keeps reconnecting
 * to an ephemeral port nobody listens on can end up connected to itself, and hold the
 * port.
 */
public final class TcpProxy implements AutoCloseable {

	private final int target;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile @Nullable ServerSocket server;

	private TcpProxy(int target, int port) {
		this.target = target;
		this.port = port;
	}

	/**
	 * A proxy that listens at once.
	 */
	public static TcpProxy open(int target) {
		TcpProxy proxy = new TcpProxy(target, freePort());
		proxy.open();
		return proxy;
	}

	/**
	 * A proxy whose port nobody listens on until {@link #open()}.
	 */
	public static TcpProxy closed(int target) {
		return new TcpProxy(target, freePort());
	}

	/**
	 * The port it forwards from.
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Listens on the proxy's port, unless it does already, and forwards every connection
	 * to the target.
	 */
	public synchronized void open() {
		if (this.server != null) {
			return;
		}
		IOException failure = null;
		// A port just closed can take a moment to be bound again.
		for (int attempt = 0; attempt < 50; attempt++) {
			try {
				ServerSocket socket = bind(this.port);
				this.server = socket;
				daemon(() -> accept(socket));
				return;
			}
			catch (IOException ex) {
				failure = ex;
				pause();
			}
		}
		throw new UncheckedIOException(failure);
	}

	/**
	 * Stops listening and drops every connection, as a server that goes away.
	 */
	public synchronized void cut() {
		ServerSocket listening = this.server;
		if (listening != null) {
			closeQuietly(listening);
			this.server = null;
		}
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	/**
	 * The same as {@link #cut()}: a closed proxy can be opened again.
	 */
	@Override
	public void close() {
		cut();
	}

	private static int freePort() {
		for (int attempt = 0; attempt < 100; attempt++) {
			int candidate = 20_000 + ThreadLocalRandom.current().nextInt(10_000);
			try (ServerSocket socket = bind(candidate)) {
				return candidate;
			}
			catch (IOException ex) {
				// Taken; try another.
			}
		}
		throw new IllegalStateException("No free port between 20000 and 30000");
	}

	private static ServerSocket bind(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		try {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
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

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
