package dev.frontline.functions.storefront;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebHomeTests {

	@Test
	void showsTheWholeProfileEveryRecommendationAndTheCart() {
		WebHome home = WebHome.of(MobileHomeTests.PAGE);
		assertThat(home.view()).isEqualTo("web");
		assertThat(home.user()).isEqualTo(MobileHomeTests.PAGE.profile());
		assertThat(home.recommendations()).hasSize(4);
		assertThat(home.cart().items()).isEqualTo(MobileHomeTests.PAGE.cart().items());
		assertThat(home.cart().total()).isEqualTo(22.98);
	}

}
