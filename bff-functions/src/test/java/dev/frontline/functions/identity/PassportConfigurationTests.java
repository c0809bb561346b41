package dev.frontline.functions.identity;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PassportConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(PassportConfiguration.class, Properties.class);

	@Test
	void trustsTheDevelopmentKeyByDefault() {
		this.contexts.run((context) -> {
			PassportVerifier verifier = context.getBean(PassportVerifier.class);
			assertThat(verifier.verify(Passports.DEV.user("alice").sign()).subject()).isEqualTo("alice");
		});
	}

	@Test
	void trustsOnlyTheConfiguredKeysOnceSomeAreConfigured() {
		this.contexts
			.withPropertyValues("frontline.passport.verification-keys.next=classpath:passport/next-public-key.pem")
			.run((context) -> {
				PassportVerifier verifier = context.getBean(PassportVerifier.class);
				assertThat(verifier.verify(Passports.NEXT.user("bob").sign()).subject()).isEqualTo("bob");
				assertThatExceptionOfType(PassportInvalid.class)
					.isThrownBy(() -> verifier.verify(Passports.DEV.user("alice").sign()));
			});
	}

	@Test
	void checksTheConfiguredAudience() {
		this.contexts.withPropertyValues("frontline.passport.audience=checkout-functions").run((context) -> {
			PassportVerifier verifier = context.getBean(PassportVerifier.class);
			assertThat(verifier.verify(Passports.DEV.user("alice").audience("checkout-functions").sign()).subject())
				.isEqualTo("alice");
			assertThatExceptionOfType(PassportInvalid.class)
				.isThrownBy(() -> verifier.verify(Passports.DEV.user("alice").sign()));
		});
	}

	@Test
	void refusesToStartInProdWithTheDevelopmentKey() {
		this.contexts.withPropertyValues("spring.profiles.active=prod").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageStartingWith("The prod profile must not trust the development passport key (configured as "
						+ "frontline.passport.verification-keys.frontline-dev)");
		});
	}

	@Test
	void refusesToStartInProdWithTheDevelopmentKeyUnderAnotherId() {
		this.contexts
			.withPropertyValues("spring.profiles.active=prod",
					"frontline.passport.verification-keys.next=classpath:passport/next-public-key.pem",
					"frontline.passport.verification-keys.gw-2026=classpath:passport/dev-public-key.pem")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("(configured as frontline.passport.verification-keys.gw-2026)"));
	}

	@Test
	void startsInProdWithItsOwnKeys() {
		this.contexts
			.withPropertyValues("spring.profiles.active=prod",
					"frontline.passport.verification-keys.next=classpath:passport/next-public-key.pem")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PassportFilter.class));
	}

	@Test
	void refusesABlankAudience() {
		this.contexts.withPropertyValues("frontline.passport.audience= ")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PassportProperties.class)
	static class Properties {

	}

}
