package dev.frontline.functions.storefront;

import java.util.List;

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
		assertThat(home.missing()).isEmpty();
	}

	@Test
	void namesThePartsThePageIsMissing() {
		HomePage page = new HomePage(MobileHomeTests.PAGE.profile(), MobileHomeTests.PAGE.recommendations(),
				Cart.empty("alice"), List.of("cart"));
		WebHome home = WebHome.of(page);
		assertThat(home.cart().items()).isEmpty();
		assertThat(home.missing()).containsExactly("cart");
	}

}
