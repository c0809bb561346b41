package dev.frontline.admin.apikey;

import java.net.URI;
import java.util.List;

import dev.frontline.admin.security.Author;
import dev.frontline.admin.snapshot.ConfigVersions;
import dev.frontline.admin.web.ApiHeaders;
import dev.frontline.contract.ApiKey;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API keys REST API. Issuing and revoking answer with the config version they
 * published in the {@value ApiHeaders#CONFIG_VERSION} header.
 */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

	private final ApiKeys keys;

	private final ConfigVersions versions;

	ApiKeyController(ApiKeys keys, ConfigVersions versions) {
		this.keys = keys;
		this.versions = versions;
	}

	@PostMapping
	ResponseEntity<IssuedApiKey> issue(@Valid @RequestBody NewApiKey request, Author author) {
		ApiKeys.Issuance issuance = this.keys.issue(request.client(), request.scopesOrNone(), author);
		ApiKey entry = issuance.issued().entry();
		return ResponseEntity.created(URI.create("/api/v1/api-keys/" + entry.id()))
			.header(ApiHeaders.CONFIG_VERSION, String.valueOf(issuance.snapshot().version()))
			// The key is in the body: no cache may keep it.
			.cacheControl(CacheControl.noStore())
			.body(new IssuedApiKey(entry.id(), entry.client(), entry.scopes(), entry.createdAt(),
					issuance.issued().key()));
	}

	@GetMapping
	List<ListedApiKey> list() {
		return this.keys.findAll().stream().map(ListedApiKey::of).toList();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable String id, Author author) {
		long version = this.keys.revoke(id, author)
			.map((published) -> published.version())
			.orElseGet(this.versions::headVersion);
		return ResponseEntity.noContent().header(ApiHeaders.CONFIG_VERSION, String.valueOf(version)).build();
	}

}
