import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Creates a function in the function runtime: {@code java NewFunction.java <name> [--root
 * <repository>]}, which {@code ./frontline new-function <name>} runs. The name is
 * lowerCamelCase ({@code orderSummary}) or kebab-case ({@code order-summary}). It writes,
 * under {@code bff-functions/} of the repository (the current directory unless
 * {@code --root} names another):
 * <ul>
 * <li>{@code src/main/java/dev/frontline/functions/<package>/<Name>Functions.java}: the
 * function bean with {@code @FunctionDescription}, and its input and output records;</li>
 * <li>{@code package-info.java} beside it;</li>
 * <li>{@code src/test/java/dev/frontline/functions/<package>/<Name>FunctionsIntegrationTests.java}:
 * its test, written with the function test kit;</li>
 * </ul>
 * and prints a route rule for the admin API that serves the function at
 * {@code GET /api/<kebab-name>}. It refuses to overwrite anything.
 */
public class NewFunction {

	private static final Pattern CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]{0,29}");

	private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

	private static final Set<String> RESERVED = Set.of("functions", "abstract", "assert", "boolean", "break", "byte",
			"case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum",
			"extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
			"interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
			"static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
			"void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits");

	public static void main(String[] args) throws IOException {
		String name = null;
		Path root = Path.of("");
		for (int i = 0; i < args.length; i++) {
			if ("--root".equals(args[i]) && i + 1 < args.length) {
				root = Path.of(args[++i]);
			}
			else if (name == null && !args[i].startsWith("-")) {
				name = args[i];
			}
			else {
				usage("unexpected argument '" + args[i] + "'");
			}
		}
		if (name == null) {
			usage("name the function");
		}
		String function = camel(name);
		if (!CAMEL.matcher(function).matches()) {
			usage("'" + name + "' is not a function name: use lowerCamelCase (orderSummary) or kebab-case "
					+ "(order-summary), letters and digits, starting with a letter, at most 30 characters");
		}
		String pkg = function.toLowerCase(Locale.ROOT);
		if (RESERVED.contains(function) || RESERVED.contains(pkg)) {
			usage("'" + function + "' is a reserved word; choose another name");
		}
		Path module = root.resolve("bff-functions");
		Path mainDir = module.resolve("src/main/java/dev/frontline/functions");
		Path testDir = module.resolve("src/test/java/dev/frontline/functions");
		if (!Files.isDirectory(mainDir)) {
			fail("no " + mainDir + "; run this from the root of the Frontline repository");
		}
		if (Files.exists(mainDir.resolve(pkg)) || Files.exists(testDir.resolve(pkg))) {
			fail("package dev.frontline.functions." + pkg + " exists already; choose another name");
		}
		String existing = definedIn(mainDir, function);
		if (existing != null) {
			fail("a function named '" + function + "' exists already, in " + existing);
		}
		String type = Character.toUpperCase(function.charAt(0)) + function.substring(1);
		String route = kebab(function);
		List<Path> written = new ArrayList<>();
		written.add(write(mainDir.resolve(pkg).resolve(type + "Functions.java"), functions(pkg, function, type)));
		written.add(write(mainDir.resolve(pkg).resolve("package-info.java"), packageInfo(pkg, function)));
		written.add(write(testDir.resolve(pkg).resolve(type + "FunctionsIntegrationTests.java"),
				test(pkg, function, type)));
		System.out.println("Created the function '" + function + "':");
		for (Path path : written) {
			System.out.println("  " + root.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()));
		}
		System.out.println();
		System.out.println("Route suggestion (POST it to http://localhost:9000/api/v1/routes):");
		System.out.println(routeRule(route, function));
		System.out.println();
		System.out.println("Next:");
		System.out.println("  ./mvnw -q -pl bff-functions spring-javaformat:apply verify   # runs its test");
		System.out.println("  ./frontline down && ./frontline up");
		System.out.println("  curl -s -u operator:operator -X POST http://localhost:9000/api/v1/routes \\");
		System.out.println("    -H 'Content-Type: application/json' -d '" + routeRule(route, function).replace("\n", "")
				.replaceAll(" {2,}", " ") + "'");
		System.out.println("  curl -s -H \"Authorization: Bearer $(./frontline token alice)\" \\");
		System.out.println("    'http://localhost:8080/api/" + route + "?text=hello'");
	}

	static String camel(String name) {
		if (!KEBAB.matcher(name).matches()) {
			return name;
		}
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : name.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

	static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	// A bean method of that name, in a class that declares functions.
	private static String definedIn(Path mainDir, String function) throws IOException {
		Pattern bean = Pattern.compile("Function<[^;{]*>\\s+" + Pattern.quote(function) + "\\s*\\(");
		try (Stream<Path> files = Files.walk(mainDir)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				if (bean.matcher(Files.readString(file)).find()) {
					return file.toString();
				}
			}
		}
		return null;
	}

	private static Path write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	private static String routeRule(String route, String function) {
		return """
				{
				  "id": "%1$s",
				  "description": "Serves the function %2$s",
				  "match": {"path": "/api/%1$s", "methods": ["GET"]},
				  "auth": {"mode": "authenticated"},
				  "timeout": "2s",
				  "stable": {"uris": ["http://localhost:8090"], "function": "%2$s"}
				}""".formatted(route, function);
	}

	private static String packageInfo(String pkg, String function) {
		return """
				/**
				 * The {@code %2$s} function.
				 */
				@NullMarked
				package dev.frontline.functions.%1$s;

				import org.jspecify.annotations.NullMarked;
				""".formatted(pkg, function);
	}

	private static String functions(String pkg, String function, String type) {
		return """
				package dev.frontline.functions.%1$s;

				import java.util.function.Function;

				import dev.frontline.functions.FunctionDescription;
				import dev.frontline.functions.identity.Caller;
				import jakarta.validation.constraints.NotBlank;
				import jakarta.validation.constraints.Size;
				import reactor.core.publisher.Mono;

				import org.springframework.context.annotation.Bean;
				import org.springframework.context.annotation.Configuration;

				/**
				 * The {@code %2$s} function.
				 * <p>
				 * Its input is the JSON body of the call, which the gateway builds from the query
				 * parameters and path variables of a {@code GET}; the caller comes from the gateway's
				 * passport, never from the input.
				 * <p>
				 * To call a backend, declare an {@code @HttpExchange} interface whose methods return
				 * {@code Mono} or {@code Flux}, and create it with
				 * {@code BackendClients.create("<backend>", YourClient.class)}: it gets the backend's
				 * timeouts, retry, circuit breaker and bulkhead. To call several at once, use
				 * {@code FanOut}. The storefront package shows both.
				 */
				@Configuration(proxyBeanMethods = false)
				class %3$sFunctions {

					@Bean
					@FunctionDescription("Answers the caller with the text it was sent.")
					Function<%3$sInput, Mono<%3$sOutput>> %2$s() {
						return (input) -> Caller.current().map((caller) -> %3$sOutput.of(caller, input));
					}

					/**
					 * What {@code %2$s} takes.
					 *
					 * @param text some text, at most 100 characters
					 */
					public record %3$sInput(@NotBlank @Size(max = 100) String text) {

					}

					/**
					 * What {@code %2$s} answers.
					 *
					 * @param caller who called: the subject of the passport
					 * @param text the text it was sent
					 */
					public record %3$sOutput(String caller, String text) {

						static %3$sOutput of(Caller caller, %3$sInput input) {
							return new %3$sOutput(caller.subject(), input.text());
						}

					}

				}
				""".formatted(pkg, function, type);
	}

	private static String test(String pkg, String function, String type) {
		return """
				package dev.frontline.functions.%1$s;

				import dev.frontline.functions.%1$s.%3$sFunctions.%3$sInput;
				import dev.frontline.functions.%1$s.%3$sFunctions.%3$sOutput;
				import dev.frontline.functions.testkit.FunctionAnswer;
				import dev.frontline.functions.testkit.FunctionTest;
				import dev.frontline.functions.testkit.FunctionTestKit;
				import org.junit.jupiter.api.Test;

				import org.springframework.beans.factory.annotation.Autowired;

				import static org.assertj.core.api.Assertions.assertThat;

				/**
				 * {@code %2$s}, called as the gateway calls it.
				 * <p>
				 * Every backend is a stub: tell it what to answer with
				 * {@code kit.backend("catalog").get("/products/p1").respond(200, json)},
				 * {@code .delay(Duration.ofSeconds(3))} or {@code .fail(503)}.
				 */
				@FunctionTest
				class %3$sFunctionsIntegrationTests {

					@Autowired
					private FunctionTestKit kit;

					@Test
					void answersTheCaller() {
						%3$sInput input = new %3$sInput("hello");
						FunctionAnswer answer = this.kit.call("%2$s").as("alice").send(input);
						assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
						assertThat(answer.as(%3$sOutput.class).caller()).isEqualTo("alice");
						assertThat(answer.as(%3$sOutput.class).text()).isEqualTo("hello");
						assertThat(answer.isPartial()).isFalse();
					}

					@Test
					void refusesInputWithoutText() {
						FunctionAnswer answer = this.kit.call("%2$s").as("alice").send("{}");
						assertThat(answer.status()).isEqualTo(400);
						assertThat(answer.problemType()).isEqualTo("urn:frontline:problem:malformed-request");
						assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("text");
					}

				}
				""".formatted(pkg, function, type);
	}

	private static void usage(String problem) {
		System.err.println("new-function: " + problem);
		System.err.println("usage: ./frontline new-function <name>   (such as orderSummary or order-summary)");
		System.exit(2);
	}

	private static void fail(String problem) {
		System.err.println("new-function: " + problem);
		System.exit(1);
	}

}
