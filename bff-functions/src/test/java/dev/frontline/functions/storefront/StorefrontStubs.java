package dev.frontline.functions.storefront;

import dev.frontline.functions.testkit.FunctionTestKit;

/**
 * What the storefront's backends answer about alice, for tests that stub them.
 */
final class StorefrontStubs {

	static final String ALICE = """
			{"id":"alice","name":"Alice","tier":"gold"}""";

	static final String RECOMMENDATIONS = """
			{"items":[
			 {"id":"p1","name":"Espresso Cup","price":8.5,"description":"Small"},
			 {"id":"p2","name":"Ceramic Mug","price":12.5,"description":"Large"},
			 {"id":"p3","name":"Desk Lamp","price":30.0,"description":"Bright"},
			 {"id":"p4","name":"Notebook","price":4.0,"description":"Dotted"}]}""";

	static final String CART = """
			{"user":"alice","items":[
			 {"productId":"p3","name":"Desk Lamp","quantity":2,"price":30.0},
			 {"productId":"p4","name":"Notebook","quantity":1,"price":4.0}],
			 "total":64.0}""";

	static final String MUG = """
			{"id":"p2","name":"Ceramic Mug","price":12.5,"description":"Large"}""";

	private StorefrontStubs() {
	}

	/**
	 * Stubs the three backends with alice's profile, recommendations and cart.
	 */
	static void alice(FunctionTestKit kit) {
		kit.backend("profile").get("/users/alice").respond(200, ALICE);
		kit.backend("catalog").get("/recommendations").respond(200, RECOMMENDATIONS);
		kit.backend("cart").get("/carts/alice").respond(200, CART);
	}

}
