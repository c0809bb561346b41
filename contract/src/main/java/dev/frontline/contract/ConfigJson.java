package dev.frontline.contract;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of config documents. Property order is alphabetical, so that equal
 * content has equal bytes and an equal {@link ConfigSnapshot#contentHash hash}.
 */
public final class ConfigJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private ConfigJson() {
	}

	/**
	 * The shared mapper. Unknown properties are ignored, so that a data plane can read a
	 * snapshot written by a newer control plane.
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Writes a value as canonical JSON bytes.
	 */
	public static byte[] canonicalBytes(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	/**
	 * Writes a snapshot as JSON.
	 */
	public static String write(ConfigSnapshot snapshot) {
		return MAPPER.writeValueAsString(snapshot);
	}

	/**
	 * Reads a snapshot from JSON.
	 */
	public static ConfigSnapshot readSnapshot(String json) {
		return MAPPER.readValue(json, ConfigSnapshot.class);
	}

}
