package dev.frontline.functions.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a stub for every backend the runtime is configured with, points the backend's
 * URL at it, and registers the {@link FunctionTestKit}. The management server gets a
 * random port too.
 */
class StubBackendsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, StubBackend> stubs = new TreeMap<>();
		Binder.get(environment)
			.bind("frontline.backends", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of())
			.keySet()
			.forEach((name) -> stubs.put(name, StubBackend.start(name)));
		Map<String, Object> properties = new LinkedHashMap<>();
		stubs.forEach((name, stub) -> properties.put("frontline.backends." + name + ".url", stub.baseUrl()));
		properties.put("management.server.port", "0");
		environment.getPropertySources().addFirst(new MapPropertySource("functionTestKit", properties));
		context.getBeanFactory().registerSingleton("functionTestKit", new FunctionTestKit(context, stubs));
		context.addApplicationListener(new StopStubs(context, stubs));
	}

	/**
	 * Stops the stubs with the runtime.
	 */
	private record StopStubs(ConfigurableApplicationContext context,
			Map<String, StubBackend> stubs) implements ApplicationListener<ContextClosedEvent> {

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			// The management server's context closes too, and tells its parent.
			if (event.getApplicationContext() == this.context) {
				this.stubs.values().forEach(StubBackend::stop);
			}
		}

	}

}
