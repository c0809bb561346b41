package dev.frontline.admin.catalogue;

import org.jspecify.annotations.Nullable;

/**
 * A function runtime's catalogue could not be fetched: the runtime is down or too slow,
 * or it answered with something that is not a catalogue.
 */
class CatalogueUnreachable extends RuntimeException {

	CatalogueUnreachable(String uri, @Nullable String reason, @Nullable Throwable cause) {
		super("Cannot read the function catalogue of " + uri + ": " + reason, cause);
	}

}
