package dev.frontline.gateway.firewall;

import dev.frontline.gateway.web.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The firewall in front of route matching.
 */
@Configuration(proxyBeanMethods = false)
class FirewallConfiguration {

	@Bean
	FirewallWebFilter firewallWebFilter(ProblemWriter problems) {
		return new FirewallWebFilter(new RequestFirewall(), problems);
	}

}
