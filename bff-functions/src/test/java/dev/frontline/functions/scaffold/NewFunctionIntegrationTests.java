package dev.frontline.functions.scaffold;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.spring.javaformat.formatter.Formatter;
import org.eclipse.jface.text.Document;
import org.eclipse.text.edits.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tools/NewFunction.java}, as {@code ./frontline new-function} runs it, writes a
 * function and its test that compile, are formatted as the build requires, and pass.
 */
class NewFunctionIntegrationTests {

	private static final Path PROGRAM = Path.of("..", "tools", "NewFunction.java");

	@TempDir
	private Path repository;

	@Test
	void writesAFunctionWhoseTestPasses() throws Exception {
		String output = newFunction("order-summary");
		Path main = this.repository.resolve("bff-functions/src/main/java/dev/frontline/functions/ordersummary");
		Path test = this.repository.resolve("bff-functions/src/test/java/dev/frontline/functions/ordersummary");
		List<Path> sources = List.of(main.resolve("OrderSummaryFunctions.java"), main.resolve("package-info.java"),
				test.resolve("OrderSummaryFunctionsIntegrationTests.java"));
		assertThat(sources).allSatisfy((source) -> assertThat(source).isRegularFile());
		assertThat(sources).allSatisfy(NewFunctionIntegrationTests::assertFormatted);
		Path classes = compile(sources);
		Result run = run(classes, "dev.frontline.functions.ordersummary.OrderSummaryFunctionsIntegrationTests");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("succeeded: 2");
		JsonNode route = JsonMapper.builder().build().readTree(routeSuggestion(output));
		assertThat(route.get("id").asString()).isEqualTo("order-summary");
		assertThat(route.at("/match/path").asString()).isEqualTo("/api/order-summary");
		assertThat(route.at("/stable/function").asString()).isEqualTo("orderSummary");
		assertThat(route.at("/stable/uris/0").asString()).isEqualTo("http://localhost:8090");
	}

	@Test
	void writesFormattedCodeThatCompilesForTheLongestName() throws Exception {
		newFunction("abcdefghijAbcdefghijAbcdefghij");
		List<Path> sources;
		try (Stream<Path> files = Files.walk(this.repository)) {
			sources = files.filter((path) -> path.toString().endsWith(".java")).toList();
		}
		assertThat(sources).hasSize(3).allSatisfy(NewFunctionIntegrationTests::assertFormatted);
		compile(sources);
	}

	@Test
	void refusesANameThatIsNotAJavaName() throws Exception {
		Result result = runProgram("order summary!");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.error()).contains("is not a function name");
	}

	@Test
	void refusesToOverwriteAFunction() throws Exception {
		newFunction("quote");
		Result again = runProgram("quote");
		assertThat(again.exitCode()).isEqualTo(1);
		assertThat(again.error()).contains("exists already");
	}

	private String newFunction(String name) throws Exception {
		Result result = runProgram(name);
		assertThat(result.exitCode()).as(result.error()).isZero();
		return result.output();
	}

	private Result runProgram(String name) throws Exception {
		Files.createDirectories(this.repository.resolve("bff-functions/src/main/java/dev/frontline/functions"));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), PROGRAM.toString(), name, "--root",
				this.repository.toString())
			.start();
		String output = read(process.getInputStream());
		String error = read(process.getErrorStream());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output, error);
	}

	// The JSON object that the program prints, from its opening line to its closing one.
	private static String routeSuggestion(String output) {
		int start = output.indexOf("\n{\n");
		int end = output.indexOf("\n}\n", start);
		return output.substring(start + 1, end + 2);
	}

	private static void assertFormatted(Path source) {
		try {
			String code = Files.readString(source);
			TextEdit edit = new Formatter().format(code);
			Document formatted = new Document(code);
			edit.apply(formatted);
			assertThat(code).as(source.getFileName().toString()).isEqualTo(formatted.get());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path compile(List<Path> sources) throws IOException {
		Path classes = Files.createDirectories(this.repository.resolve("classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> arguments = new ArrayList<>(List.of("--release", "17", "-parameters", "-proc:none", "-classpath",
				String.join(File.pathSeparator, classpath()), "-d", classes.toString()));
		sources.forEach((source) -> arguments.add(source.toString()));
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		int status = compiler.run(null, errors, errors, arguments.toArray(String[]::new));
		assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
		return classes;
	}

	// Runs the generated test in a JVM of its own, on this module's test classpath with
	// the generated classes added, as the module's build would run it.
	private static Result run(Path classes, String testClass) throws Exception {
		List<String> classpath = new ArrayList<>(classpath());
		classpath.add(0, classes.toString());
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
				String.join(File.pathSeparator, classpath), ScaffoldedTestRunner.class.getName(), testClass)
			.redirectErrorStream(true)
			.start();
		String output = read(process.getInputStream());
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output, "");
	}

	// The build may start this JVM with a manifest-only jar, whose Class-Path holds the
	// real classpath.
	private static Set<String> classpath() throws IOException {
		Set<String> entries = new LinkedHashSet<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			entries.add(entry);
			if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
				try (JarFile jar = new JarFile(entry)) {
					Manifest manifest = jar.getManifest();
					String classPath = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
					if (classPath != null) {
						URI base = Path.of(entry).toUri();
						for (String element : classPath.trim().split("\\s+")) {
							entries.add(Path.of(base.resolve(element)).toString());
						}
					}
				}
			}
		}
		return entries;
	}

	private static String read(InputStream stream) throws IOException {
		return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
	}

	private record Result(int exitCode, String output, String error) {

	}

}
