package dev.frontline.demo;

import java.util.List;

import dev.frontline.demo.storefront.Carts;
import dev.frontline.demo.storefront.Catalog;
import dev.frontline.demo.storefront.Profiles;
import org.jspecify.annotations.Nullable;

/**
 * The storefront endpoints of each backend.
 */
final class StorefrontEndpoints {

	private static final Profiles PROFILES = new Profiles();

	private static final Catalog CATALOG = new Catalog();

	private static final Carts CARTS = new Carts();

	private StorefrontEndpoints() {
	}

	static List<Endpoint> profile() {
		return List.of(new Endpoint("/users/{id}", (request) -> {
			String id = Endpoint.pathVariable(request, "id");
			return PROFILES.find(id)
				.map(Reply::ok)
				.orElseGet(() -> Reply.problem(404, "user-not-found", "No user '" + id + "'"));
		}));
	}

	static List<Endpoint> catalog() {
		return List.of(new Endpoint("/products/{id}", (request) -> {
			String id = Endpoint.pathVariable(request, "id");
			return CATALOG.product(id)
				.map(Reply::ok)
				.orElseGet(() -> Reply.problem(404, "product-not-found", "No product '" + id + "'"));
		}), new Endpoint("/recommendations", (request) -> {
			String user = Endpoint.queryParameter(request, "user");
			if (user == null || user.isBlank()) {
				return Reply.problem(400, "malformed-request", "Query parameter 'user' is required");
			}
			Integer limit = limit(Endpoint.queryParameter(request, "limit"));
			if (limit == null) {
				return Reply.problem(400, "malformed-request",
						"Query parameter 'limit' must be a number between 1 and " + Catalog.SIZE);
			}
			return Reply.ok(CATALOG.recommendations(user, limit));
		}));
	}

	static List<Endpoint> cart() {
		return List.of(new Endpoint("/carts/{user}", (request) -> {
			String user = Endpoint.pathVariable(request, "user");
			if (user.isBlank()) {
				return Reply.problem(400, "malformed-request", "A user id is required");
			}
			return Reply.ok(CARTS.of(user));
		}));
	}

	private static @Nullable Integer limit(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Catalog.DEFAULT_RECOMMENDATIONS;
		}
		try {
			int limit = Integer.parseInt(value.trim());
			return (limit >= 1 && limit <= Catalog.SIZE) ? limit : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
