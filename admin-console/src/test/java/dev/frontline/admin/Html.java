package dev.frontline.admin;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Reads the pages the console renders, so that tests can look at them as a browser lays
 * them out: which input an error sits next to, which buttons a page offers.
 */
public final class Html {

	private Html() {
	}

	/**
	 * The page a request answered.
	 */
	public static Document of(ResultActions result) throws Exception {
		return of(result.andReturn());
	}

	/**
	 * The page a request answered.
	 */
	public static Document of(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString(), "http://localhost/");
	}

	/**
	 * The messages shown next to an input, in the form field that holds it.
	 */
	public static List<String> errorsNextTo(Document page, String input) {
		return page.select(".field:has(#" + input + ") .field-error").eachText();
	}

}
