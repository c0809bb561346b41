package dev.frontline.admin.apikey;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The form that issues an API key, as the browser sends it.
 *
 * @param client the client the key is for
 * @param scopes the scopes to grant, separated by spaces or commas; blank for none
 */
record ApiKeyForm(@Nullable String client, @Nullable String scopes) {

	/**
	 * The request this form makes, the one the API takes.
	 */
	NewApiKey toRequest() {
		String text = (this.scopes != null) ? this.scopes.strip() : "";
		return new NewApiKey((this.client != null) ? this.client.strip() : null,
				text.isEmpty() ? null : Arrays.asList(text.split("[\\s,]+")));
	}

}
