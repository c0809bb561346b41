package dev.frontline.functions.web;

import java.util.List;

import dev.frontline.functions.web.PublishedFunction.FunctionListing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /functions}: the published functions with their input and output types.
 */
@RestController
class FunctionCatalogueController {

	private final FunctionCatalogue catalogue;

	FunctionCatalogueController(FunctionCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/functions")
	List<FunctionListing> functions() {
		return this.catalogue.all().stream().map(PublishedFunction::listing).toList();
	}

}
