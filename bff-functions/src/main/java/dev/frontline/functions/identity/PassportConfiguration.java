package dev.frontline.functions.identity;

import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ResourceLoader;

/**
 * Verifies the passport of every function call.
 */
@Configuration(proxyBeanMethods = false)
class PassportConfiguration {

	@Bean
	PassportVerifier passportVerifier(PassportProperties properties, ResourceLoader resources,
			Environment environment) {
		VerificationKeys keys = VerificationKeys.load(properties.verificationKeys(), resources);
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			refuseDevelopmentKey(keys, resources);
		}
		return new PassportVerifier(keys.byId(), properties.audience(), properties.clockSkew(), Clock.systemUTC());
	}

	@Bean
	PassportFilter passportFilter(PassportVerifier passportVerifier, ObjectProvider<PassportExemption> exemptions) {
		return new PassportFilter(passportVerifier, exemptions.orderedStream().toList());
	}

	// The development key pair is in the repository, so anyone could sign passports that
	// it
	// verifies. Compared by value, so that a copy under another id or inline is refused
	// too.
	private static void refuseDevelopmentKey(VerificationKeys keys, ResourceLoader resources) {
		VerificationKeys development = VerificationKeys.load(
				Map.of(PassportProperties.DEVELOPMENT_KEY_ID, PassportProperties.DEVELOPMENT_KEY_LOCATION), resources);
		String id = keys.idOf(development.byId().get(PassportProperties.DEVELOPMENT_KEY_ID));
		if (id != null) {
			throw new IllegalStateException(
					"The prod profile must not trust the development passport key (configured as "
							+ "frontline.passport.verification-keys." + id + "), whose private key is public; "
							+ "set frontline.passport.verification-keys to the public keys of your gateways");
		}
	}

}
