package dev.frontline.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One Frontline service running as its own JVM, the way {@code ./frontline up} runs it.
 */
final class ServiceProcess implements AutoCloseable {

	private static final Path ROOT = Path.of(System.getProperty("frontline.root", "..")).toAbsolutePath().normalize();

	private static final String VERSION = System.getProperty("frontline.version", "0.1.0-SNAPSHOT");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String name;

	private final Path jar;

	private final List<String> arguments;

	private final int readinessPort;

	private final String readinessPath;

	private final Path log;

	private Process process;

	private ServiceProcess(String name, Path jar, List<String> arguments, int readinessPort, String readinessPath,
			Path logDir) {
		this.name = name;
		this.jar = jar;
		this.arguments = List.copyOf(arguments);
		this.readinessPort = readinessPort;
		this.readinessPath = readinessPath;
		this.log = logDir.resolve(name + ".log");
	}

	/**
	 * A Spring Boot service of the given module, ready when its readiness probe says so.
	 */
	static ServiceProcess springBoot(String module, int port, int managementPort, Path logDir, List<String> arguments) {
		return springBoot(module, module, port, managementPort, logDir, arguments);
	}

	/**
	 * A second instance of a module's service under another name, with a log of its own.
	 */
	static ServiceProcess springBoot(String name, String module, int port, int managementPort, Path logDir,
			List<String> arguments) {
		List<String> all = new ArrayList<>(
				List.of("--server.port=" + port, "--management.server.port=" + managementPort));
		// No balancer takes these services out of rotation: they stop without draining,
		// unless
		// a test asks for a drain.
		if (arguments.stream().noneMatch((argument) -> argument.startsWith("--frontline.shutdown.drain-delay="))) {
			all.add("--frontline.shutdown.drain-delay=0s");
		}
		all.addAll(arguments);
		return new ServiceProcess(name, ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar"),
				all, managementPort, "/actuator/health/readiness", logDir);
	}

	/**
	 * The demo backends on the given ports, ready when the profile backend answers.
	 */
	static ServiceProcess demoBackends(int profile, int catalog, int cart, Path logDir) {
		return new ServiceProcess("demo-backends",
				ROOT.resolve("demo-backends/target/demo-backends-" + VERSION + "-exec.jar"),
				List.of("--profile.port=" + profile, "--catalog.port=" + catalog, "--cart.port=" + cart), profile,
				"/health", logDir);
	}

	/**
	 * The demo backends on the given ports, every storefront answer after the same fixed
	 * latency.
	 */
	static ServiceProcess demoBackends(int profile, int catalog, int cart, Duration latency, Path logDir) {
		return new ServiceProcess("demo-backends",
				ROOT.resolve("demo-backends/target/demo-backends-" + VERSION + "-exec.jar"),
				List.of("--profile.port=" + profile, "--catalog.port=" + catalog, "--cart.port=" + cart,
						"--latency.min-ms=" + latency.toMillis(), "--latency.max-ms=" + latency.toMillis()),
				profile, "/health", logDir);
	}

	/**
	 * The demo backends under another name, with a log of their own, ready when the cart
	 * backend answers: a second process that serves the cart while the first serves the
	 * others, so that the cart alone can go down.
	 */
	static ServiceProcess demoBackends(String name, int profile, int catalog, int cart, Path logDir) {
		return new ServiceProcess(name, ROOT.resolve("demo-backends/target/demo-backends-" + VERSION + "-exec.jar"),
				List.of("--profile.port=" + profile, "--catalog.port=" + catalog, "--cart.port=" + cart), cart,
				"/health", logDir);
	}

	/**
	 * The root of the repository.
	 */
	static Path root() {
		return ROOT;
	}

	/**
	 * A port that is free now, below the range the system hands out to outgoing
	 * connections (32768 and up on Linux), so that no service's connection takes it
	 * before the process that is given it binds it; never the same port twice in a run.
	 */
	static synchronized int freePort() throws IOException {
		for (int attempt = 0; attempt < 1000; attempt++) {
			int port = FIRST_PORT + ThreadLocalRandom.current().nextInt(LAST_PORT - FIRST_PORT);
			if (!HANDED_OUT.add(port)) {
				continue;
			}
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException ex) {
				// Taken: try another.
			}
		}
		throw new IOException("No free port between " + FIRST_PORT + " and " + LAST_PORT);
	}

	private static final int FIRST_PORT = 20000;

	private static final int LAST_PORT = 32000;

	private static final Set<Integer> HANDED_OUT = new HashSet<>();

	ServiceProcess start() throws IOException {
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(this.jar + " is missing: build the modules first (./mvnw package)");
		}
		Files.createDirectories(this.log.getParent());
		Files.writeString(this.log, "");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:+UseSerialGC");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-jar");
		command.add(this.jar.toString());
		command.addAll(this.arguments);
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
		return this;
	}

	/**
	 * Waits until the readiness probe answers 200.
	 */
	ServiceProcess awaitReady(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		URI probe = URI.create("http://127.0.0.1:" + this.readinessPort + this.readinessPath);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + "\n" + tail());
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException(this.name + " not ready after " + timeout + "\n" + tail());
	}

	/**
	 * Stops the service as SIGTERM would, and waits for it to exit.
	 */
	void stop() throws InterruptedException {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * Sends SIGTERM, as a container runtime or Kubernetes stops a service, without
	 * waiting for the process to exit.
	 * @return the process, once it has exited
	 */
	CompletableFuture<Process> terminate() {
		this.process.destroy();
		return this.process.onExit();
	}

	/**
	 * Ends the service at once, as a crash or {@code kill -9} would: no graceful
	 * shutdown, connections cut.
	 */
	void kill() throws InterruptedException {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
