package dev.frontline.functions.scaffold;

import java.io.PrintWriter;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs one test class in a JVM of its own, as a build would: its Spring contexts are its
 * own, not ones cached by other tests that did not know its function. Exits with 0 when
 * every test of the class passed.
 */
final class ScaffoldedTestRunner {

	private ScaffoldedTestRunner() {
	}

	public static void main(String[] args) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create()
			.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(args[0])).build(), listener);
		TestExecutionSummary summary = listener.getSummary();
		summary.printTo(new PrintWriter(System.out, true));
		summary.printFailuresTo(new PrintWriter(System.out, true), 20);
		System.out.println("succeeded: " + summary.getTestsSucceededCount());
		System.exit((summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0) ? 0 : 1);
	}

}
