package dev.frontline.admin.routing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

import dev.frontline.contract.ConfigJson;
import dev.frontline.contract.RouteRule;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random route documents for the route API, from one seed: valid ones, valid ones with
 * optional fields left out or null, and valid ones with one field made invalid in one of
 * many ways (bad ids, paths, URIs, durations, weights, unknown fields, JSON of the wrong
 * type, very long or malformed text, broken JSON). Each comes with what the API must
 * answer: the route it must store, or the field it must name when it refuses.
 * <p>
 * Valid documents match paths of their own ({@code /pbt/<id>/...}), so that they never
 * overlap another route, and name runtimes on closed local ports.
 */
final class RouteDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Writes text outside ASCII as escapes, the only way to send an unpaired surrogate.
	 */
	private static final JsonMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private static final List<String> URIS = List.of("http://127.0.0.1:1", "https://127.0.0.1:2/base",
			"http://localhost:1/functions");

	private static final List<String> FUNCTIONS = List.of("product", "homePage|mobileView", "a_b|c1|D2|e3");

	/** Free text that is valid: scripts, emoji, combining marks, quotes, markup, NUL. */
	private static final List<String> TEXT = List.of("Startseite für Grüße", "商品の詳細 😀 \uD83D\uDE80", "עברית RTL",
			"e\u0301 combining", "\"quoted\" \\ back\\slash", "<script>alert(1)</script>", "nul \u0000 inside",
			"tab\tand\nnewline", "x".repeat(500));

	private final SplittableRandom random;

	private int count;

	RouteDocuments(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/**
	 * The next attempt to create a route, valid or not. {@code existing} are ids of
	 * routes that exist.
	 */
	Attempt nextCreate(List<String> existing) {
		String id = newId();
		ObjectNode route = valid(id);
		if (!existing.isEmpty() && chance(20)) {
			route.put("id", pick(existing));
			return Attempt.refused("duplicate id", write(route), "id");
		}
		return mutated(route, true);
	}

	/**
	 * The next attempt to replace the route with the given id, valid or not.
	 */
	Attempt nextUpdate(String id) {
		ObjectNode route = valid(id);
		if (chance(2)) {
			route.remove("id");
		}
		if (chance(8)) {
			route.put("id", newId());
			return Attempt.refused("another id than the path's", write(route), "id");
		}
		return mutated(route, false);
	}

	private Attempt mutated(ObjectNode route, boolean create) {
		int kind = this.random.nextInt(100);
		if (kind < 25) {
			return Attempt.accepted("valid", write(route));
		}
		if (kind < 40) {
			return leftOut(route, create);
		}
		if (kind < 45) {
			return broken(route);
		}
		Mutation mutation = pick(MUTATIONS);
		ObjectNode mutated = route.deepCopy();
		Object value = pick(mutation.values());
		mutation.apply(mutated, value);
		return Attempt.refused(mutation.field() + " = " + describe(value), write(mutated), mutation.field());
	}

	/**
	 * A valid document with an optional field left out or null, which must be taken as
	 * its default.
	 */
	private Attempt leftOut(ObjectNode route, boolean create) {
		List<String> optional = new ArrayList<>(List.of("description", "order", "auth", "rateLimit", "timeout", "retry",
				"canary", "cors", "async", "match.methods", "match.hosts", "match.headers", "auth.mode",
				"auth.scopeMatch", "auth.apiKeys", "canary.weight", "canary.sticky", "canary.variantHeader"));
		if (!create) {
			optional.add("id");
		}
		String field = pick(optional);
		ObjectNode parent = parentOf(route, field);
		if (parent == null) {
			return Attempt.accepted("valid", write(route));
		}
		String name = field.substring(field.lastIndexOf('.') + 1);
		boolean asNull = chance(2);
		if (asNull) {
			parent.putNull(name);
		}
		else {
			parent.remove(name);
		}
		return Attempt.accepted(field + (asNull ? " null" : " left out"), write(route));
	}

	/**
	 * A document whose JSON is broken; the API must say where.
	 */
	private Attempt broken(ObjectNode route) {
		String text = write(route);
		String broken = switch (this.random.nextInt(5)) {
			case 0 -> text.substring(0, 1 + this.random.nextInt(text.length() - 1));
			case 1 -> text + " {\"id\": \"more\"}";
			case 2 -> text.replaceFirst(":", ";");
			case 3 -> text.replaceFirst("\"", "'");
			default -> "{\"id\": \"dup\", " + text.substring(1);
		};
		return Attempt.refused("broken JSON", broken, null);
	}

	/**
	 * The document as JSON text, now and then with everything outside ASCII escaped, and
	 * always so when it holds an unpaired surrogate, which UTF-8 cannot carry otherwise.
	 */
	private String write(ObjectNode route) {
		String plain = JSON.writeValueAsString(route);
		return (chance(4) || hasUnpairedSurrogate(plain)) ? ESCAPING.writeValueAsString(route) : plain;
	}

	private static boolean hasUnpairedSurrogate(String text) {
		return !StandardCharsets.UTF_8.newEncoder().canEncode(text);
	}

	private ObjectNode valid(String id) {
		ObjectNode route = NODES.objectNode();
		route.put("id", id);
		if (chance(4)) {
			route.put("description", pick(TEXT));
		}
		ObjectNode match = route.putObject("match");
		match.put("path", "/pbt/" + id
				+ pick(List.of("", "/", "/{item}", "/**", "/{*rest}", "/x/{a}/y", "/{n:[0-9]+}", "/a.b;c=d")));
		if (chance(2)) {
			ArrayNode methods = match.putArray("methods");
			for (String method : METHODS) {
				if (chance(3)) {
					methods.add(chance(5) ? method.toLowerCase() : method);
				}
			}
		}
		if (chance(5)) {
			match.putArray("hosts").add("api.example.com").add("*.example.org:8443");
		}
		if (chance(5)) {
			ObjectNode header = match.putArray("headers").addObject().put("name", "X-Tenant");
			if (chance(2)) {
				header.put("regex", "[a-z]{1,10}");
			}
		}
		if (chance(3)) {
			route.put("order", this.random.nextInt(-1000, 1001));
		}
		if (chance(2)) {
			route.set("auth", auth());
		}
		if (chance(4)) {
			route.set("rateLimit", rateLimit());
		}
		if (chance(2)) {
			route.set("timeout", duration(500, 300_000));
		}
		if (chance(4)) {
			route.putObject("retry").put("attempts", this.random.nextInt(0, 6)).put("backoff", "100ms");
		}
		route.set("stable", target());
		if (chance(3)) {
			ObjectNode canary = route.putObject("canary");
			canary.set("target", target());
			canary.put("weight", this.random.nextInt(0, 101));
			canary.put("sticky", pick(List.of("user", "cookie", "none")));
			canary.put("overrides", chance(2));
			canary.put("variantHeader", chance(2));
		}
		if (chance(5)) {
			ObjectNode cors = route.putObject("cors");
			cors.putArray("allowedOrigins").add(pick(List.of("https://shop.example.com", "https://*.example.com")));
			cors.put("allowCredentials", chance(2));
			cors.put("maxAge", "10m");
		}
		if (chance(6)) {
			route.putObject("async")
				.put("always", chance(2))
				.put("retries", this.random.nextInt(0, 11))
				.put("maxEventAge", "1h")
				.put("resultTtl", "10m");
		}
		return route;
	}

	private ObjectNode auth() {
		ObjectNode auth = NODES.objectNode();
		switch (this.random.nextInt(3)) {
			case 0 -> auth.put("mode", "public");
			case 1 -> auth.put("mode", "authenticated").put("apiKeys", chance(2)).put("tokenRelay", chance(2));
			default -> {
				auth.put("mode", "scopes").put("scopeMatch", pick(List.of("any", "all")));
				auth.putArray("scopes").add("orders:read").add("admin");
			}
		}
		return auth;
	}

	private ObjectNode rateLimit() {
		ObjectNode limit = NODES.objectNode();
		String key = pick(List.of("user", "api-key", "client-ip", "header"));
		limit.put("key", key);
		if (key.equals("header")) {
			limit.put("header", "X-Client");
		}
		int permits = this.random.nextInt(1, 1001);
		limit.put("permits", permits).put("period", pick(List.of("500ms", "1s", "1m", "PT1H")));
		if (chance(2)) {
			limit.put("burst", permits + this.random.nextInt(0, 1000));
		}
		return limit;
	}

	private ObjectNode target() {
		ObjectNode target = NODES.objectNode();
		ArrayNode uris = target.putArray("uris");
		List<String> shuffled = new ArrayList<>(URIS);
		int count = this.random.nextInt(1, shuffled.size() + 1);
		for (int i = 0; i < count; i++) {
			uris.add(shuffled.remove(this.random.nextInt(shuffled.size())));
		}
		target.put("function", pick(FUNCTIONS));
		return target;
	}

	/**
	 * A duration between the bounds, in milliseconds, in one of the forms the API reads.
	 */
	private JsonNode duration(int minMillis, int maxMillis) {
		int millis = this.random.nextInt(minMillis, maxMillis + 1);
		return switch (this.random.nextInt(4)) {
			case 0 -> NODES.numberNode(millis);
			case 1 -> NODES.stringNode(millis + "ms");
			case 2 -> NODES.stringNode("PT" + (millis / 1000) + "." + String.format("%03d", millis % 1000) + "S");
			default -> NODES.stringNode(Math.max(1, millis / 1000) + "s");
		};
	}

	private String newId() {
		this.count++;
		String id = "p" + this.count + "-" + Long.toString(this.random.nextLong(1L << 40), 36);
		// Now and then as long as an id may be.
		return chance(10) ? (id + "-" + "x".repeat(63)).substring(0, 63) : id;
	}

	private boolean chance(int oneIn) {
		return this.random.nextInt(oneIn) == 0;
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String describe(@Nullable Object value) {
		// Escaped, so that names stay printable whatever the value holds.
		String text = ESCAPING.writeValueAsString(Mutation.node(value));
		return (text.length() > 60) ? text.substring(0, 60) + "... (" + text.length() + " chars)" : text;
	}

	/**
	 * The object that holds a dotted field, made if it is missing; {@code null} if the
	 * path runs through something else than an object.
	 */
	private static @Nullable ObjectNode parentOf(ObjectNode root, String field) {
		ObjectNode node = root;
		String[] names = field.split("\\.");
		for (int i = 0; i < names.length - 1; i++) {
			JsonNode child = node.get(names[i]);
			if (child == null || child.isNull()) {
				return null;
			}
			if (!child.isObject()) {
				return null;
			}
			node = (ObjectNode) child;
		}
		return node;
	}

	/**
	 * One field made invalid, with the values to make it so.
	 *
	 * @param field the field, dotted, as the API must name it (or a prefix of it)
	 * @param values the invalid values: JSON nodes, strings, numbers, booleans or null
	 * @param prepare makes what the field needs around it, such as a canary for its
	 * weight
	 */
	private record Mutation(String field, List<@Nullable Object> values, BiConsumer<ObjectNode, String> prepare) {

		Mutation(String field, List<@Nullable Object> values) {
			this(field, values, (route, name) -> {
			});
		}

		void apply(ObjectNode route, @Nullable Object value) {
			this.prepare.accept(route, this.field);
			String[] names = this.field.split("\\.");
			ObjectNode node = route;
			for (int i = 0; i < names.length - 1; i++) {
				JsonNode child = node.get(names[i]);
				node = (child != null && child.isObject()) ? (ObjectNode) child : node.putObject(names[i]);
			}
			node.set(names[names.length - 1], node(value));
		}

		private static JsonNode node(@Nullable Object value) {
			if (value == null) {
				return NODES.nullNode();
			}
			if (value instanceof JsonNode json) {
				return json.deepCopy();
			}
			return JSON.valueToTree(value);
		}

	}

	private static ArrayNode array(@Nullable Object... values) {
		ArrayNode array = NODES.arrayNode();
		for (Object value : values) {
			array.add(Mutation.node(value));
		}
		return array;
	}

	private static ArrayNode repeated(Object value, int times) {
		ArrayNode array = NODES.arrayNode();
		for (int i = 0; i < times; i++) {
			array.add(Mutation.node(value));
		}
		return array;
	}

	private static ObjectNode object(String name, @Nullable Object value) {
		ObjectNode object = NODES.objectNode();
		object.set(name, Mutation.node(value));
		return object;
	}

	private static final String LONE_SURROGATE = "a\uD800b";

	private static final JsonNode TOO_LONG = NODES.numberNode(new java.math.BigInteger("99999999999999999999"));

	private static final BiConsumer<ObjectNode, String> WITH_CANARY = (route, field) -> {
		if (!route.path("canary").isObject()) {
			ObjectNode canary = route.putObject("canary");
			canary.putObject("target").put("function", "product").putArray("uris").add("http://127.0.0.1:1");
			canary.put("weight", 10);
		}
	};

	private static final BiConsumer<ObjectNode, String> WITH_RATE_LIMIT = (route,
			field) -> route.putObject("rateLimit").put("key", "client-ip").put("permits", 10).put("period", "1s");

	private static final BiConsumer<ObjectNode, String> WITH_CORS = (route,
			field) -> route.putObject("cors").putArray("allowedOrigins").add("https://shop.example.com");

	private static final BiConsumer<ObjectNode, String> WITH_ASYNC = (route, field) -> route.putObject("async")
		.put("retries", 3);

	private static final List<Mutation> MUTATIONS = List.of(
			new Mutation("id",
					List.of("Bad Id", "-leading-dash", "UPPER", "", "ünïcode", "x".repeat(64), "y".repeat(5000),
							LONE_SURROGATE, 123, true, NODES.objectNode(), array("a")),
					(route, field) -> route.remove("id")),
			new Mutation("description",
					List.of("z".repeat(501), "w".repeat(20_000), LONE_SURROGATE, 5, false, array("text"),
							NODES.objectNode())),
			new Mutation("match", List.of("/api/x", 5, array("/api/x")), (route, field) -> route.remove("match")),
			new Mutation("match.path",
					List.of("no-slash", "/a//b", "/a/../b", "/{unclosed", "/**/x", "/{id:[}", "/a b", "",
							"/" + "p".repeat(1001), "/\u00e9t\u00e9", LONE_SURROGATE, 7, NODES.objectNode())),
			new Mutation("match.methods",
					List.of(array("FETCH"), array("GET", "TRACE"), "GET", array(5), array((Object) null),
							NODES.objectNode())),
			new Mutation("match.hosts",
					List.of(array("bad host"), array("-"), array("a".repeat(300) + ".com"), "api.example.com",
							repeated("h.example.com", 21))),
			new Mutation("match.headers",
					List.of(array(object("name", "bad header")), array(object("regex", "a")),
							array(NODES.objectNode().put("name", "X-A").put("regex", "(")),
							array(NODES.objectNode().put("name", "X-A").put("regex", "r".repeat(501))), array(5),
							repeated(object("name", "X-A"), 21))),
			new Mutation("order", List.of("first", "5", 1.5, 2.0, 2147483648L, TOO_LONG, true, NODES.objectNode())),
			new Mutation("auth", List.of("public", 5, array("public"))),
			new Mutation("auth.mode", List.of("everyone", "PUBLIC ", 0, 2, NODES.objectNode())),
			new Mutation("auth.scopes", List.of(array(), array("has space"), array("q\"uote"), "admin"),
					(route, field) -> route.putObject("auth").put("mode", "scopes")),
			new Mutation("auth.apiKeys", List.of("yes", 1, "true")),
			new Mutation("rateLimit.permits", List.of(0, -5, "ten", 1.5, TOO_LONG), WITH_RATE_LIMIT),
			new Mutation("rateLimit.period", List.of("0s", "2d", "-1s", "PT-1S", "often", 0), WITH_RATE_LIMIT),
			new Mutation("rateLimit.burst", List.of(5, -1, "many"), WITH_RATE_LIMIT),
			new Mutation("rateLimit.key", List.of("cookie", 1, NODES.objectNode()), WITH_RATE_LIMIT),
			new Mutation("timeout",
					List.of("10m", "0ms", "PT-5S", "-5s", "soon", "5 s s", -1, 1.5, true, NODES.objectNode(),
							"999999999999d", "P106751991167301D", TOO_LONG, 300_001)),
			new Mutation("retry.attempts", List.of(6, -1, "3", 2.5),
					(route, field) -> route.putObject("retry").put("backoff", "10ms")),
			new Mutation("retry.backoff", List.of("0ms", "11s", "PT-1S", "later"),
					(route, field) -> route.putObject("retry").put("attempts", 2)),
			new Mutation("stable", List.of("http://127.0.0.1:1", array("http://127.0.0.1:1")),
					(route, field) -> route.remove("stable")),
			new Mutation("stable.uris",
					List.of(array(), array("ftp://127.0.0.1"), array("not a uri"), array("http://user:pw@host"),
							array("http://host/?q=1"), array("http://host/#f"), array("/relative"),
							array((Object) null), array("http://a" + LONE_SURROGATE), "http://127.0.0.1:1",
							repeated("http://127.0.0.1:1", 21))),
			new Mutation("stable.function",
					List.of("not a function", "", "a|", "|a", "1abc", "f".repeat(101), "a|b|c|d|e|f|g|h|i|j|k", 5,
							array("product"))),
			new Mutation("canary.weight", List.of(101, -1, 2147483648L, 50.5, "50", true), WITH_CANARY),
			new Mutation("canary.sticky", List.of("ip", 1, "USER "), WITH_CANARY),
			new Mutation("canary.target.uris", List.of(array(), array("mailto:ops@example.com")), WITH_CANARY),
			new Mutation("canary.target", List.of("http://127.0.0.1:1", NODES.nullNode()), WITH_CANARY),
			new Mutation("cors.allowedOrigins",
					List.of(array(), array("ftp://shop.example.com"), array("https://shop.example.com/path"),
							"https://shop.example.com"),
					WITH_CORS),
			new Mutation("cors.maxAge", List.of("2d", "-1s", "ages"), WITH_CORS),
			new Mutation("async.retries", List.of(11, -1, "3"), WITH_ASYNC),
			new Mutation("async.maxEventAge", List.of("500ms", "8d", "-1h"), WITH_ASYNC),
			new Mutation("async.onSuccess", List.of(NODES.objectNode(), "http://callback"), WITH_ASYNC),
			new Mutation("timout", List.of("2s")), new Mutation("tïmeout", List.of("2s")),
			new Mutation("match.pth", List.of("/api/x")), new Mutation("stable.uri", List.of("http://127.0.0.1:1")),
			new Mutation("auth.role", List.of("admin")), new Mutation("canary.wieght", List.of(10), WITH_CANARY),
			new Mutation("rateLimit.limit", List.of(10), WITH_RATE_LIMIT));

	/**
	 * One write and what the API must answer to it.
	 *
	 * @param description what the document is, for the test's name
	 * @param body the request body
	 * @param expected the route the API must store and serve, or {@code null} if it must
	 * refuse the write
	 * @param field the field a refusal must name; {@code null} for any field, as for
	 * broken JSON
	 */
	record Attempt(String description, String body, @Nullable RouteRule expected, @Nullable String field) {

		static Attempt accepted(String description, String body) {
			return new Attempt(description, body, ConfigJson.mapper().readValue(body, RouteRule.class), null);
		}

		static Attempt refused(String description, String body, @Nullable String field) {
			return new Attempt(description, body, null, field);
		}

		boolean valid() {
			return this.expected != null;
		}

	}

}
