/**
 * API keys for the clients of the gateway: issued once, stored and distributed as hashes,
 * revoked; every change publishes a new snapshot.
 */
@NullMarked
package dev.frontline.admin.apikey;

import org.jspecify.annotations.NullMarked;
