package dev.frontline.admin.apikey;

import java.time.Instant;
import java.util.List;

/**
 * A newly issued API key, with the key itself: the only time anyone sees it.
 *
 * @param id the key's public id, also part of the key
 * @param client the client the key is for
 * @param scopes the scopes granted to it
 * @param createdAt when it was issued
 * @param key the key to hand to the client ({@code fl_<id>_<secret>}); not stored
 */
record IssuedApiKey(String id, String client, List<String> scopes, Instant createdAt, String key) {

}
