package dev.frontline.demo;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo backends until the process is stopped; by default profile on 7001,
 * catalog on 7002 and cart on 7003.
 */
public final class DemoBackendsApplication {

	private static final String LOGGING_CONFIGURATION = "logback.configurationFile";

	private DemoBackendsApplication() {
	}

	public static void main(String[] args) throws InterruptedException {
		// Set before the first logger exists. The file has its own name so that
		// applications
		// with this jar on their class path keep their own logging setup.
		if (System.getProperty(LOGGING_CONFIGURATION) == null) {
			System.setProperty(LOGGING_CONFIGURATION, "dev/frontline/demo/logback-demo.xml");
		}
		DemoBackends.Options options;
		try {
			options = CommandLine.parse(args, System.getProperties());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(CommandLine.USAGE);
			System.exit(2);
			return;
		}
		DemoBackends backends = DemoBackends.start(options);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			backends.close();
			System.out.println("Demo backends stopped");
			stopped.countDown();
		}, "demo-backends-shutdown"));
		for (RunningBackend backend : backends.all()) {
			System.out.println(backend.name() + " backend listening on " + backend.baseUrl());
		}
		System.out.println("Demo backends ready");
		stopped.await();
	}

}
