package dev.frontline.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The timing of every request and the gateway's request metrics. They replace Spring
 * Cloud Gateway's own ({@code spring.cloud.gateway.requests}), which is turned off.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	RequestMetrics requestMetrics(MeterRegistry meters) {
		return new RequestMetrics(meters);
	}

	@Bean
	RequestTimingWebFilter requestTimingWebFilter(ObjectProvider<AnsweredRequestListener> listeners) {
		return new RequestTimingWebFilter(listeners.orderedStream().toList());
	}

	@Bean
	UpstreamTimingGlobalFilter upstreamTimingGlobalFilter() {
		return new UpstreamTimingGlobalFilter();
	}

}
