package dev.frontline.demo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackendMetricsTests {

	@Test
	void countsAnswersByStatusClassIntoFixedBuckets() {
		try (BackendMetrics metrics = new BackendMetrics("catalog")) {
			metrics.recordRequest(200, Duration.ofMillis(20));
			metrics.recordRequest(404, Duration.ofMillis(3));
			metrics.recordRequest(503, Duration.ofMillis(700));
			metrics.recordRequest(504, Duration.ofMillis(800));
			String scrape = metrics.scrape();
			assertThat(scrape)
				.contains("frontline_demo_requests_seconds_bucket{backend=\"catalog\",status=\"2xx\",le=\"0.01\"} 0")
				.contains("frontline_demo_requests_seconds_bucket{backend=\"catalog\",status=\"2xx\",le=\"0.025\"} 1")
				.contains("frontline_demo_requests_seconds_bucket{backend=\"catalog\",status=\"4xx\",le=\"0.005\"} 1")
				.contains("frontline_demo_requests_seconds_bucket{backend=\"catalog\",status=\"5xx\",le=\"0.5\"} 0")
				.contains("frontline_demo_requests_seconds_bucket{backend=\"catalog\",status=\"5xx\",le=\"1.0\"} 2")
				.contains("frontline_demo_requests_seconds_bucket{backend=\"catalog\",status=\"5xx\",le=\"10.0\"} 2")
				.contains("frontline_demo_requests_seconds_bucket{backend=\"catalog\",status=\"5xx\",le=\"+Inf\"} 2")
				.contains("frontline_demo_requests_seconds_count{backend=\"catalog\",status=\"5xx\"} 2");
		}
	}

	@Test
	void bucketsAreTheOnesSharedWithTheFunctionRuntime() {
		try (BackendMetrics metrics = new BackendMetrics("cart")) {
			metrics.recordRequest(200, Duration.ofMillis(1));
			assertThat(metrics.scrape()
				.lines()
				.filter((line) -> line.startsWith("frontline_demo_requests_seconds_bucket")))
				.extracting((line) -> line.substring(line.indexOf("le=\"") + 4, line.indexOf("\"}")))
				.containsExactly("0.001", "0.002", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5",
						"5.0", "10.0", "+Inf");
		}
	}

	@Test
	void showsTheJvm() {
		try (BackendMetrics metrics = new BackendMetrics("profile")) {
			assertThat(metrics.scrape()).contains("jvm_memory_used_bytes{")
				.contains("jvm_threads_live_threads ")
				.contains("jvm_classes_loaded_classes ")
				.contains("process_uptime_seconds ")
				.contains("system_cpu_count ");
		}
	}

}
