package dev.frontline.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads {@link DemoBackends.Options} from {@code --name=value} arguments, falling back to
 * system properties of the same name, then to the local defaults.
 */
final class CommandLine {

	static final String USAGE = """
			Usage: java -jar demo-backends-exec.jar [--profile.port=7001] [--catalog.port=7002] [--cart.port=7003]
			         [--host=localhost] [--latency.min-ms=10] [--latency.max-ms=20]
			Each option may also be given as a system property (-Dprofile.port=7001); 0 picks a free port.""";

	private static final Set<String> NAMES = Set.of("profile.port", "catalog.port", "cart.port", "host",
			"latency.min-ms", "latency.max-ms");

	private final Map<String, String> values;

	private CommandLine(Map<String, String> values) {
		this.values = values;
	}

	static DemoBackends.Options parse(String[] args, Properties systemProperties) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : NAMES) {
			String value = systemProperties.getProperty(name);
			if (value != null) {
				values.put(name, value);
			}
		}
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 2) ? arg.substring(2, equals) : null;
			if (name == null || !NAMES.contains(name)) {
				throw new IllegalArgumentException("Unknown option '" + arg + "'");
			}
			values.put(name, arg.substring(equals + 1));
		}
		return new CommandLine(values).options();
	}

	private DemoBackends.Options options() {
		DemoBackends.Options defaults = DemoBackends.Options.defaults();
		return defaults.withHost(this.values.getOrDefault("host", defaults.host()))
			.withPorts(number("profile.port", 7001), number("catalog.port", 7002), number("cart.port", 7003))
			.withLatency(Duration.ofMillis(number("latency.min-ms", defaults.minLatency().toMillis())),
					Duration.ofMillis(number("latency.max-ms", defaults.maxLatency().toMillis())));
	}

	private int number(String name, int fallback) {
		long value = number(name, (long) fallback);
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("Option '" + name + "' is out of range");
		}
		return (int) value;
	}

	private long number(String name, long fallback) {
		String value = this.values.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Option '" + name + "' must be a number, not '" + value + "'");
		}
	}

}
