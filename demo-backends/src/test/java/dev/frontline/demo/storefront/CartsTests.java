package dev.frontline.demo.storefront;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CartsTests {

	private final Carts carts = new Carts();

	private final Catalog catalog = new Catalog();

	@Test
	void givesTheSameCartToTheSameUser() {
		assertThat(new Carts().of("alice")).isEqualTo(this.carts.of("alice"));
	}

	@Test
	void holdsOneToThreeLinesOfDistinctCatalogProducts() {
		for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
			Cart cart = this.carts.of(user);
			assertThat(cart.user()).isEqualTo(user);
			assertThat(cart.items()).hasSizeBetween(1, 3)
				.extracting(CartItem::productId)
				.doesNotHaveDuplicates()
				.allSatisfy((id) -> assertThat(this.catalog.product(id)).isPresent());
			assertThat(cart.items()).allSatisfy((item) -> {
				assertThat(item.quantity()).isBetween(1, 3);
				assertThat(item.price()).isEqualTo(this.catalog.product(item.productId()).orElseThrow().price());
			});
		}
	}

	@Test
	void totalsQuantityTimesPriceToTheCent() {
		for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
			Cart cart = this.carts.of(user);
			BigDecimal expected = cart.items()
				.stream()
				.map((item) -> BigDecimal.valueOf(item.price()).multiply(BigDecimal.valueOf(item.quantity())))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(BigDecimal.valueOf(cart.total())).isEqualByComparingTo(expected);
		}
	}

}
