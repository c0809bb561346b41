package dev.frontline.admin.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import dev.frontline.contract.CanaryTarget;
import dev.frontline.contract.FieldError;
import dev.frontline.contract.RouteMatch;
import dev.frontline.contract.RouteRule;
import dev.frontline.contract.Target;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompositionChecksTests {

	private static final ValidatorFactory validators = Validation.buildDefaultValidatorFactory();

	private static final CatalogueProperties DEFAULTS = new CatalogueProperties(true, Duration.ofSeconds(1),
			Duration.ofSeconds(2), Duration.ofSeconds(5));

	private FunctionRuntimeStub runtime;

	private Instant now = Instant.parse("2026-11-21T10:00:00Z");

	@BeforeEach
	void startRuntime() throws Exception {
		this.runtime = FunctionRuntimeStub.start();
	}

	@AfterEach
	void stopRuntime() {
		this.runtime.close();
	}

	@AfterAll
	static void close() {
		validators.close();
	}

	@Test
	void acceptsACompositionWhoseFunctionsExistAndFit() {
		CompositionReport report = checks(DEFAULTS).check(route("homePage|mobileView"));
		assertThat(report.errors()).isEmpty();
		assertThat(report.warnings()).isEmpty();
	}

	@Test
	void namesAnUnknownFunctionAndTheKnownOnes() {
		assertThat(checks(DEFAULTS).check(route("homePag|mobileView")).errors()).containsExactly(
				new FieldError("stable.function", "function 'homePag' is not in the catalogue of " + this.runtime.uri()
						+ "; known: cart, homePage, mobileView, product, profile, recommendations, webView"));
	}

	@Test
	void refusesAnOutputThatDoesNotFitTheNextInput() {
		assertThat(checks(DEFAULTS).check(route("mobileView|homePage")).errors()).containsExactly(new FieldError(
				"stable.function",
				"function 'mobileView' answers MobileHome, which function 'homePage' does not take: it takes CallerQuery"));
	}

	@Test
	void reportsEveryProblemOfADefinition() {
		assertThat(checks(DEFAULTS).check(route("homePage|nothing|product|mobileView")).errors())
			.extracting(FieldError::message)
			.satisfiesExactly((message) -> assertThat(message).startsWith("function 'nothing' is not in the catalogue"),
					(message) -> assertThat(message).startsWith("function 'product' answers Product"));
	}

	@Test
	void checksTheCanaryTargetToo() {
		RouteRule route = route("homePage|webView")
			.withCanary(CanaryTarget.of(Target.of(this.runtime.uri(), "homePage|webVeiw"), 10));
		assertThat(checks(DEFAULTS).check(route).errors()).extracting(FieldError::field)
			.containsExactly("canary.target.function");
	}

	@Test
	void namesTheSnapshotFieldsWhenCheckingEveryRoute() {
		List<RouteRule> routes = List.of(route("product"), route("cartt"));
		assertThat(checks(DEFAULTS).checkAll(routes).errors()).extracting(FieldError::field)
			.containsExactly("routes[1].stable.function");
	}

	@Test
	void readsCatalogueEntriesLeniently() {
		this.runtime.serving("""
				[{"name": "homePage", "inputType": "CallerQuery", "outputType": "HomePage", "tags": ["home"]},
				 {"name": "mobileView", "inputType": "HomePage", "outputType": "MobileHome", "since": 2},
				 {"name": "anyView", "inputType": "JsonNode", "outputType": "AnyView"},
				 {"description": "an entry without a name is ignored"}]""");
		CompositionChecks checks = checks(DEFAULTS);
		assertThat(checks.check(route("homePage|mobileView")).errors()).isEmpty();
		assertThat(checks.check(route("homePage|anyView")).errors()).isEmpty();
		assertThat(checks.check(route("mobileView|homePage")).errors()).hasSize(1);
	}

	@Test
	void warnsInsteadOfCheckingWhenTheRuntimeIsDown() {
		String uri = this.runtime.uri();
		this.runtime.close();
		CompositionReport report = checks(DEFAULTS).check(route(uri, "nothing"));
		assertThat(report.errors()).isEmpty();
		assertThat(report.warnings())
			.containsExactly("function catalogue of " + uri + " unreachable; composition not checked");
	}

	@Test
	void warnsInsteadOfCheckingWhenTheAnswerIsNotACatalogue() {
		this.runtime.answering(200, "text/html", "<html>It works!</html>");
		assertThat(checks(DEFAULTS).check(route("nothing")).warnings()).hasSize(1);
		this.runtime.serving("{\"functions\": []}");
		assertThat(checks(DEFAULTS).check(route("nothing")).warnings()).hasSize(1);
		this.runtime.answering(404, "application/json", "[]");
		assertThat(checks(DEFAULTS).check(route("nothing")).warnings()).hasSize(1);
	}

	@Test
	void warnsInsteadOfWaitingForASlowRuntime() {
		this.runtime.slowBy(Duration.ofSeconds(2));
		CatalogueProperties impatient = new CatalogueProperties(true, Duration.ofSeconds(1), Duration.ofMillis(200),
				Duration.ofSeconds(5));
		long started = System.nanoTime();
		CompositionReport report = checks(impatient).check(route("nothing"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
		assertThat(report.errors()).isEmpty();
		assertThat(report.warnings()).singleElement().asString().contains("unreachable");
	}

	@Test
	void asksARuntimeOnceForAllTheTargetsThatNameIt() {
		RouteRule route = route("homePage|webView")
			.withCanary(CanaryTarget.of(Target.of(this.runtime.uri() + "/", "homePage|mobileView"), 10));
		checks(DEFAULTS).check(route);
		assertThat(this.runtime.requests()).isEqualTo(1);
	}

	@Test
	void warnsOnceForADownRuntimeThatSeveralTargetsName() {
		String uri = this.runtime.uri();
		this.runtime.close();
		RouteRule route = route(uri, "homePage|webView")
			.withCanary(CanaryTarget.of(Target.of(uri, "homePage|mobileView"), 10));
		assertThat(checks(DEFAULTS).check(route).warnings()).hasSize(1);
	}

	@Test
	void reusesACatalogueUntilItsTimeIsUp() {
		CompositionChecks checks = checks(DEFAULTS);
		checks.check(route("product"));
		this.now = this.now.plusSeconds(4);
		checks.check(route("product"));
		assertThat(this.runtime.requests()).isEqualTo(1);
		this.now = this.now.plusSeconds(2);
		checks.check(route("product"));
		assertThat(this.runtime.requests()).isEqualTo(2);
	}

	@Test
	void asksAgainAfterAFailure() {
		CompositionChecks checks = checks(DEFAULTS);
		this.runtime.answering(503, "application/json", "{}");
		assertThat(checks.check(route("nothing")).warnings()).hasSize(1);
		this.runtime.serving(FunctionRuntimeStub.DEMO_CATALOGUE);
		assertThat(checks.check(route("nothing")).errors()).hasSize(1);
	}

	@Test
	void leavesTargetsThatBreakTheConstraintsToThem() {
		assertThat(checks(DEFAULTS).check(route("not a definition"))).isEqualTo(CompositionReport.NONE);
		assertThat(this.runtime.requests()).isZero();
	}

	@Test
	void checksNothingWhenDisabled() {
		CatalogueProperties disabled = new CatalogueProperties(false, Duration.ofSeconds(1), Duration.ofSeconds(2),
				Duration.ofSeconds(5));
		assertThat(checks(disabled).check(route("nothing"))).isEqualTo(CompositionReport.NONE);
		assertThat(checks(disabled).checkAll(List.of(route("nothing")))).isEqualTo(CompositionReport.NONE);
		assertThat(this.runtime.requests()).isZero();
	}

	private CompositionChecks checks(CatalogueProperties properties) {
		Clock clock = new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return CompositionChecksTests.this.now;
			}

		};
		return new CompositionChecks(new FunctionCatalogues(properties, clock), validators.getValidator(),
				properties.enabled());
	}

	private RouteRule route(String function) {
		return route(this.runtime.uri(), function);
	}

	private static RouteRule route(String uri, String function) {
		return RouteRule.of("checked", RouteMatch.of("/api/checked", "GET"), Target.of(uri, function));
	}

}
