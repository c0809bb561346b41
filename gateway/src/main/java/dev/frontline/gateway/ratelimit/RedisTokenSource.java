package dev.frontline.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Token buckets on Redis, each taken from by one Lua script run, which Redis runs
 * atomically: a batch of tokens costs one round trip, whatever its size.
 */
final class RedisTokenSource implements TokenSource {

	static final String SCRIPT = load("take-tokens.lua");

	static final String SHA = sha1(SCRIPT);

	private final RedisAsyncCommands<String, String> commands;

	private final String keyPrefix;

	RedisTokenSource(RedisAsyncCommands<String, String> commands, String keyPrefix) {
		this.commands = commands;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public CompletionStage<Grant> take(String key, Limit limit, long tokens) {
		String[] keys = { this.keyPrefix + key };
		String[] args = { Long.toString(limit.burst()), Long.toString(limit.permits()),
				Long.toString(Math.max(1, TimeUnit.NANOSECONDS.toMicros(limit.period().toNanos()))),
				Long.toString(tokens) };
		CompletionStage<List<Long>> result = this.commands.<List<Long>>evalsha(SHA, ScriptOutputType.MULTI, keys, args)
			.exceptionallyCompose(
					(ex) -> isNoScript(ex) ? this.commands.<List<Long>>eval(SCRIPT, ScriptOutputType.MULTI, keys, args)
							: java.util.concurrent.CompletableFuture.failedStage(ex));
		return result.thenApply((values) -> new Grant(values.get(0), values.get(1),
				TimeUnit.MICROSECONDS.toNanos(values.get(2)), TimeUnit.MICROSECONDS.toNanos(values.get(3))));
	}

	private static boolean isNoScript(Throwable ex) {
		Throwable cause = (ex instanceof java.util.concurrent.CompletionException) ? ex.getCause() : ex;
		return cause instanceof RedisNoScriptException;
	}

	private static String load(String name) {
		try (InputStream in = RedisTokenSource.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha1(String script) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is missing", ex);
		}
	}

}
