package dev.frontline.demo.storefront;

import java.nio.charset.StandardCharsets;

/**
 * A 32-bit FNV-1a hash of a string's UTF-8 bytes. Unlike {@link Object#hashCode()} in
 * general, its value is fixed by definition, so derived data never changes between runs.
 */
final class StableHash {

	private static final int OFFSET_BASIS = 0x811c9dc5;

	private static final int PRIME = 0x01000193;

	private StableHash() {
	}

	static int of(String value) {
		int hash = OFFSET_BASIS;
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= PRIME;
		}
		return hash;
	}

}
