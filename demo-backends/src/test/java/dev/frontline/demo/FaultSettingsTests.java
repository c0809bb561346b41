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
	void failCanaryAloneFailsOnlyTheCanary() {
		FaultSettings settings = new FaultSettings.Change(null, null, null, true).toSettings();
		assertThat(settings).isEqualTo(FaultSettings.failingTheCanary());
		assertThat(settings.failureRate()).isZero();
		assertThat(settings.failsForVariant("canary")).isTrue();
		assertThat(settings.failsForVariant(" Canary ")).isTrue();
		assertThat(settings.failsForVariant("stable")).isFalse();
		assertThat(settings.failsForVariant(null)).isFalse();
	}

	@Test
	void statusNextToFailCanaryLeavesTheStableRuntimeAlone() {
		assertThat(new FaultSettings.Change(null, null, 502, true).toSettings().failureRate()).isZero();
	}

	@Test
	void leavesTheCanaryAloneUnlessToldOtherwise() {
		assertThat(new FaultSettings.Change(null, 1.0, 500, false).toSettings().failsForVariant("canary")).isFalse();
		assertThat(FaultSettings.NONE.failsForVariant("canary")).isFalse();
	}

	@Test
	void rejectsValuesOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FaultSettings(-1, 0, 503));
		assertThatIllegalArgumentException().isThrownBy(() -> new FaultSettings(0, 1.5, 503));
		assertThatIllegalArgumentException().isThrownBy(() -> new FaultSettings(0, Double.NaN, 503));
		assertThatIllegalArgumentException().isThrownBy(() -> new FaultSettings(0, 1, 200));
	}

}
