package dev.frontline.functions.storefront;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MobileHomeTests {

	static final HomePage PAGE = new HomePage(new Profile("alice", "Alice", "gold"),
			new Recommendations(List.of(product(1), product(2), product(3), product(4))),
			new Cart("alice", List.of(new CartItem("p3", "P3", 2, 9.99), new CartItem("p4", "P4", 3, 1.0)), 22.98));

	@Test
	void greetsTheUserByName() {
		assertThat(MobileHome.of(PAGE).greeting()).isEqualTo("Hi Alice");
		assertThat(MobileHome.of(PAGE).view()).isEqualTo("mobile");
	}

	@Test
	void countsTheItemsInTheCartByQuantity() {
		assertThat(MobileHome.of(PAGE).cartCount()).isEqualTo(5);
	}

	@Test
	void picksTheFirstThreeRecommendations() {
		assertThat(MobileHome.of(PAGE).picks()).containsExactly(new MobileHome.Pick("p1", "Product 1", 1.5),
				new MobileHome.Pick("p2", "Product 2", 2.5), new MobileHome.Pick("p3", "Product 3", 3.5));
	}

	@Test
	void picksWhatThereIsWhenFewerAreRecommended() {
		HomePage page = new HomePage(PAGE.profile(), new Recommendations(List.of(product(1))), PAGE.cart());
		assertThat(MobileHome.of(page).picks()).hasSize(1);
	}

	@Test
	void namesThePartsThePageIsMissing() {
		HomePage page = new HomePage(PAGE.profile(), Recommendations.none(), PAGE.cart(), List.of("recommendations"));
		MobileHome home = MobileHome.of(page);
		assertThat(home.missing()).containsExactly("recommendations");
		assertThat(home.picks()).isEmpty();
		assertThat(MobileHome.of(PAGE).missing()).isEmpty();
	}

	static Product product(int number) {
		return new Product("p" + number, "Product " + number, number + 0.5, "About product " + number);
	}

}
