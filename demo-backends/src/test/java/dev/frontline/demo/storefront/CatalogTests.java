package dev.frontline.demo.storefront;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CatalogTests {

	private final Catalog catalog = new Catalog();

	@Test
	void holdsProductsOneToTwenty() {
		IntStream.rangeClosed(1, 20)
			.forEach((n) -> assertThat(this.catalog.product("p" + n)).hasValueSatisfying((product) -> {
				assertThat(product.id()).isEqualTo("p" + n);
				assertThat(product.name()).isNotBlank();
				assertThat(product.description()).isNotBlank();
				assertThat(product.price()).isPositive();
			}));
	}

	@Test
	void hasNoOtherProducts() {
		assertThat(this.catalog.product("p0")).isEmpty();
		assertThat(this.catalog.product("p21")).isEmpty();
		assertThat(this.catalog.product("p01")).isEmpty();
		assertThat(this.catalog.product("shoe")).isEmpty();
	}

	@Test
	void recommendsFiveDistinctProductsByDefault() {
		Recommendations recommendations = this.catalog.recommendations("alice", Catalog.DEFAULT_RECOMMENDATIONS);
		assertThat(recommendations.items()).hasSize(5).doesNotHaveDuplicates();
	}

	@Test
	void recommendsTheSameProductsToTheSameUser() {
		assertThat(new Catalog().recommendations("alice", 5)).isEqualTo(this.catalog.recommendations("alice", 5));
	}

	@Test
	void recommendsDifferentProductsToDifferentUsers() {
		assertThat(this.catalog.recommendations("bob", 5)).isNotEqualTo(this.catalog.recommendations("alice", 5));
	}

	@Test
	void recommendsTheWholeCatalogAtMost() {
		assertThat(this.catalog.recommendations("alice", Catalog.SIZE).items()).hasSize(20).doesNotHaveDuplicates();
		assertThatIllegalArgumentException().isThrownBy(() -> this.catalog.recommendations("alice", 21));
		assertThatIllegalArgumentException().isThrownBy(() -> this.catalog.recommendations("alice", 0));
	}

}
