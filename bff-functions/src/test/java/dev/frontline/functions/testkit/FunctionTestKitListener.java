package dev.frontline.functions.testkit;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Gives each test a ready runtime and fresh stubs.
 */
class FunctionTestKitListener implements TestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		FunctionTestKit kit = testContext.getApplicationContext().getBean(FunctionTestKit.class);
		kit.awaitReady();
		kit.reset();
	}

}
