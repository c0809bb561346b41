package dev.frontline.functions.fanout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.frontline.functions.problem.FunctionProblem;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FanOutTests {

	@Test
	void joinsEveryPartThatArrived() {
		Branch<String> profile = Branch.required("profile", Mono.just("Alice"));
		Branch<Integer> cart = Branch.optional("cart", Mono.just(3), 0);
		StepVerifier.create(FanOut.of(profile, cart).join((parts) -> parts.get(profile) + ":" + parts.get(cart)))
			.expectNext("Alice:3")
			.verifyComplete();
	}

	@Test
	void asksEveryBranchAtOnce() {
		Branch<String> a = Branch.required("a", Mono.delay(Duration.ofMillis(300)).thenReturn("a"));
		Branch<String> b = Branch.optional("b", Mono.delay(Duration.ofMillis(300)).thenReturn("b"), "");
		Branch<String> c = Branch.optional("c", Mono.delay(Duration.ofMillis(300)).thenReturn("c"), "");
		long started = System.nanoTime();
		StepVerifier.create(FanOut.of(a, b, c).join()).expectNextCount(1).verifyComplete();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(800));
	}

	@Test
	void standsInForAFailedOptionalPartAndNamesItMissing() {
		Branch<String> profile = Branch.required("profile", Mono.just("Alice"));
		Branch<List<String>> recommendations = Branch.optional("recommendations", Mono.error(new Unavailable()),
				List.of());
		Branch<Integer> cart = Branch.optional("cart", Mono.empty(), 0);
		StepVerifier.create(FanOut.of(profile, recommendations, cart).join()).assertNext((result) -> {
			assertThat(result.get(recommendations)).isEmpty();
			assertThat(result.get(cart)).isZero();
			assertThat(result.missing()).containsExactly("recommendations", "cart");
			assertThat(result.isPartial()).isTrue();
		}).verifyComplete();
	}

	@Test
	void failsWithTheErrorOfARequiredPartAndStopsTheOthers() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Branch<String> profile = Branch.required("profile", Mono.error(new Unavailable()));
		Branch<Integer> cart = Branch.optional("cart",
				Mono.delay(Duration.ofSeconds(5)).thenReturn(3).doOnCancel(() -> cancelled.set(true)), 0);
		StepVerifier.create(FanOut.of(profile, cart).join()).verifyError(Unavailable.class);
		assertThat(cancelled).isTrue();
	}

	@Test
	void leavesOutAnOptionalPartSlowerThanItsTimeout() {
		Branch<String> profile = Branch.required("profile", Mono.delay(Duration.ofMillis(200)).thenReturn("Alice"));
		Branch<Integer> cart = Branch.optional("cart", Mono.delay(Duration.ofSeconds(5)).thenReturn(3), 0)
			.timeout(Duration.ofMillis(100));
		long started = System.nanoTime();
		StepVerifier.create(FanOut.of(profile, cart).join())
			.assertNext((result) -> assertThat(result.missing()).containsExactly("cart"))
			.verifyComplete();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void failsWith504WhenARequiredPartOutlastsTheDeadline() {
		Branch<String> profile = Branch.required("profile", Mono.never());
		Branch<Integer> cart = Branch.optional("cart", Mono.never(), 0);
		StepVerifier.create(FanOut.of(profile, cart).deadline(Duration.ofMillis(100)).join())
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PartTimedOut.class)
				.hasMessage("504 The profile part did not arrive within 100 ms"));
	}

	@Test
	void failsWith404WhenARequiredPartFindsNothing() {
		StepVerifier.create(FanOut.of(Branch.required("profile", Mono.empty())).join())
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PartNotFound.class)
				.hasMessage("404 The profile part found nothing"));
	}

	@Test
	void neverWaitsForABranchPastTheDeadline() {
		Branch<Integer> cart = Branch.optional("cart", Mono.never(), 0).timeout(Duration.ofSeconds(10));
		StepVerifier.create(FanOut.of(cart).deadline(Duration.ofMillis(100)).join())
			.assertNext((result) -> assertThat(result.missing()).containsExactly("cart"))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	void reportsMissingPartsToTheRequest() {
		MissingParts missing = new MissingParts();
		Branch<Integer> cart = Branch.optional("cart", Mono.error(new Unavailable()), 0);
		Branch<Integer> wishes = Branch.optional("wishes", Mono.just(1), 0);
		StepVerifier.create(FanOut.of(cart, wishes).join().contextWrite(missing.asContext()))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(missing.names()).containsExactly("cart");
		assertThat(missing.isEmpty()).isFalse();
	}

	@Test
	void runsTheBranchesAgainWhenSubscribedAgain() {
		int[] calls = new int[1];
		Mono<Integer> counted = Mono.fromSupplier(() -> ++calls[0]);
		Mono<FanOut.Result> fanOut = FanOut.of(Branch.required("count", counted)).join();
		fanOut.block();
		fanOut.block();
		assertThat(calls[0]).isEqualTo(2);
	}

	@Test
	void refusesTwoBranchesWithOneName() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> FanOut.of(Branch.required("cart", Mono.just(1)), Branch.optional("cart", Mono.just(2), 0)))
			.withMessage("Two branches are named 'cart'");
	}

	@Test
	void refusesANonPositiveDeadlineOrTimeout() {
		Branch<Integer> cart = Branch.optional("cart", Mono.just(1), 0);
		assertThatIllegalArgumentException().isThrownBy(() -> FanOut.of(cart).deadline(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> cart.timeout(Duration.ofMillis(-1)));
	}

	@Test
	void refusesABranchOfAnotherFanOut() {
		Branch<Integer> cart = Branch.optional("cart", Mono.just(1), 0);
		Branch<Integer> other = Branch.optional("other", Mono.just(1), 0);
		FanOut.Result result = FanOut.of(cart).join().block();
		assertThat(result).isNotNull();
		assertThatIllegalArgumentException().isThrownBy(() -> result.get(other));
	}

	@Test
	void tellsTheCallOfAPartThatItsTimeIsUpBeforeCancellingIt() {
		List<String> events = new CopyOnWriteArrayList<>();
		Mono<Integer> call = Mono.deferContextual((context) -> {
			PartDeadline deadline = PartDeadline.current(context).orElseThrow();
			events.add("started " + deadline.part() + " within " + deadline.limit().toMillis() + " ms");
			deadline.whenPassed().subscribe((passed) -> events.add("passed " + passed.part()));
			return Mono.<Integer>never().doOnCancel(() -> events.add("cancelled"));
		});
		Branch<Integer> cart = Branch.optional("cart", call, 0).timeout(Duration.ofMillis(50));
		StepVerifier.create(FanOut.of(cart).join())
			.assertNext((result) -> assertThat(result.missing()).containsExactly("cart"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(events).containsExactly("started cart within 50 ms", "passed cart", "cancelled");
	}

	@Test
	void givesEachPartTheShorterOfItsTimeoutAndTheDeadline() {
		List<Duration> limits = new CopyOnWriteArrayList<>();
		Mono<Integer> call = Mono.deferContextual((context) -> {
			limits.add(PartDeadline.current(context).orElseThrow().limit());
			return Mono.just(1);
		});
		Branch<Integer> quick = Branch.optional("quick", call, 0).timeout(Duration.ofMillis(300));
		Branch<Integer> patient = Branch.optional("patient", call, 0).timeout(Duration.ofSeconds(10));
		StepVerifier.create(FanOut.of(quick, patient).deadline(Duration.ofSeconds(1)).join())
			.expectNextCount(1)
			.verifyComplete();
		assertThat(limits).containsExactlyInAnyOrder(Duration.ofMillis(300), Duration.ofSeconds(1));
	}

	@Test
	void failsWith504WhenARequiredPartEndsWithAnErrorOnceItsTimeIsUp() {
		// A call told that the part's time is up ends with its own error, as a backend
		// client's does; the part timed out all the same.
		Mono<String> call = Mono.deferContextual((context) -> PartDeadline.current(context)
			.orElseThrow()
			.whenPassed()
			.then(Mono.error(new Unavailable())));
		StepVerifier.create(FanOut.of(Branch.required("profile", call)).deadline(Duration.ofMillis(100)).join())
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PartTimedOut.class)
				.hasMessage("504 The profile part did not arrive within 100 ms"));
	}

	@Test
	void tellsTheCallsOfANestedFanOutWhenTheEnclosingPartsTimeIsUp() {
		List<String> events = new CopyOnWriteArrayList<>();
		Mono<Integer> call = Mono.deferContextual((context) -> {
			PartDeadline deadline = PartDeadline.current(context).orElseThrow();
			deadline.whenPassed().subscribe((passed) -> events.add("passed " + passed.part()));
			return Mono.<Integer>never().doOnCancel(() -> events.add("cancelled " + deadline.part()));
		});
		Branch<Integer> inner = Branch.optional("wishes", call, 0).timeout(Duration.ofSeconds(10));
		Mono<Integer> nested = FanOut.of(inner).join((result) -> result.get(inner));
		Branch<Integer> outer = Branch.optional("extras", nested, -1).timeout(Duration.ofMillis(50));
		StepVerifier.create(FanOut.of(outer).join((result) -> result.get(outer)))
			.expectNext(-1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(events).containsExactly("passed extras", "cancelled wishes");
	}

	@Test
	void leavesACallOutsideAFanOutWithoutAPartDeadline() {
		StepVerifier.create(Mono.deferContextual((context) -> Mono.just(PartDeadline.current(context).isPresent())))
			.expectNext(false)
			.verifyComplete();
	}

	static class Unavailable extends FunctionProblem {

		Unavailable() {
			super(HttpStatus.BAD_GATEWAY, "backend-unavailable", "Backend unavailable", "The backend is down");
		}

	}

}
