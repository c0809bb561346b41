package dev.frontline.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The control plane: route rules, config versions, the gateway fleet, and the watch that
 * feeds gateways.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdminConsoleApplication {

	public static void main(String[] args) {
		SpringApplication.run(AdminConsoleApplication.class, args);
	}

}
