package dev.frontline.functions.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * A test of functions: starts the function runtime on a random port with a
 * {@link StubBackend} in place of every backend configured under
 * {@code frontline.backends}, and provides a {@link FunctionTestKit} to inject:
 *
 * <pre class="code">
 * &#64;FunctionTest
 * class ProductIntegrationTests {
 *
 *     &#64;Autowired
 *     FunctionTestKit kit;
 *
 *     &#64;Test
 *     void answersAProduct() {
 *         this.kit.backend("catalog").get("/products/p1").respond(200, """
 *                 {"id":"p1","name":"Mug","price":12.5,"description":"A mug"}""");
 *         FunctionAnswer answer = this.kit.call("product").as("alice").send("{\"id\":\"p1\"}");
 *         assertThat(answer.status()).isEqualTo(200);
 *         assertThat(answer.json().get("name").asString()).isEqualTo("Mug");
 *     }
 *
 * }
 * </pre>
 *
 * Before each test, the kit waits until the runtime is ready (its initializers have
 * completed), takes every stub's rules away, brings stopped stubs back and closes every
 * circuit breaker. Test classes with the same properties share one runtime.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = StubBackendsInitializer.class)
@TestExecutionListeners(listeners = FunctionTestKitListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface FunctionTest {

	/**
	 * Properties for the runtime, such as
	 * {@code resilience4j.circuitbreaker.instances.catalog.minimum-number-of-calls=4}.
	 * @return {@code key=value} pairs
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
