package dev.frontline.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultSettingsTests {

	@Test
	void emptyChangeInjectsNothing() {
		assertThat(new FaultSettings.Change(null, null, null).toSettings()).isEqualTo(FaultSettings.NONE);
	}

	@Test
	void statusAloneFailsEveryAnswer() {
		assertThat(new FaultSettings.Change(null, null, 500).toSettings()).isEqualTo(new FaultSettings(0, 1.0, 500));
	}

	@Test
	void failureRateAloneFailsWithServiceUnavailable() {
		assertThat(new FaultSettings.Change(null, 0.5, null).toSettings()).isEqualTo(new FaultSettings(0, 0.5, 503));
	}

	@Test
	void latencyAloneOnlySlowsDown() {
		assertThat(new FaultSettings.Change(200L, null, null).toSettings()).isEqualTo(FaultSettings.slow(200));
	}

	@Test
	void rejectsValuesOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FaultSettings(-1, 0, 503));
		assertThatIllegalArgumentException().isThrownBy(() -> new FaultSettings(0, 1.5, 503));
		assertThatIllegalArgumentException().isThrownBy(() -> new FaultSettings(0, Double.NaN, 503));
		assertThatIllegalArgumentException().isThrownBy(() -> new FaultSettings(0, 1, 200));
	}

}
