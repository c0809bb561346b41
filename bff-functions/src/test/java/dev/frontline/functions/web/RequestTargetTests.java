package dev.frontline.functions.web;

import java.net.URI;

import dev.frontline.functions.web.MalformedRequest.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTargetTests {

	@Test
	void leavesAValidTargetAsItIs() {
		for (String valid : new String[] { "/homePage,mobileView", "/homePage%7CmobileView?user=alice&x=1",
				"/async/invocations/5c1f?limit=50", "/caf%C3%A9", "/a-b_c.d~e!$&'()*+;=:@", "/" }) {
			RequestTarget target = new RequestTarget(valid);
			assertThat(target.fault()).as(valid).isNull();
			assertThat(target.escaped()).as(valid).isEqualTo(valid);
		}
	}

	@Test
	void takesAPipeAsAnEncodedOne() {
		RequestTarget target = new RequestTarget("/homePage|mobileView?a=|");
		assertThat(target.fault()).isNull();
		assertThat(target.escaped()).isEqualTo("/homePage%7CmobileView?a=%7C");
	}

	@Test
	void refusesAPercentSignThatStartsNoEscape() {
		assertThat(new RequestTarget("/pro%ZZfile").fault())
			.isEqualTo(new FieldError("path", "has a '%' that is not followed by two hexadecimal digits"));
		assertThat(new RequestTarget("/profile?q=%").fault())
			.isEqualTo(new FieldError("query", "has a '%' that is not followed by two hexadecimal digits"));
		assertThat(new RequestTarget("/pro%ZZfile?q=%").escaped()).isEqualTo("/pro%25ZZfile?q=%25");
	}

	@Test
	void refusesEscapedBytesThatAreNotUtf8() {
		assertThat(new RequestTarget("/pro%C3%28file").fault())
			.isEqualTo(new FieldError("path", "is not UTF-8 once percent-decoded"));
		assertThat(new RequestTarget("/profile?q=%FF").fault())
			.isEqualTo(new FieldError("query", "is not UTF-8 once percent-decoded"));
	}

	@Test
	void refusesBytesThatAreNotAscii() {
		// One character per byte, as the request line is read: Ã( are the bytes C3 28.
		RequestTarget target = new RequestTarget("/pro\u00C3(file");
		assertThat(target.fault())
			.isEqualTo(new FieldError("path", "holds bytes that are not ASCII; send them percent-encoded as UTF-8"));
		assertThat(target.escaped()).isEqualTo("/pro%C3(file");
	}

	@Test
	void refusesCharactersThatMustBeEncoded() {
		assertThat(new RequestTarget("/profile\u0001").fault())
			.isEqualTo(new FieldError("path", "holds a character that must be percent-encoded: 0x01"));
		assertThat(new RequestTarget("/profile?q=\"x\"").fault())
			.isEqualTo(new FieldError("query", "holds a character that must be percent-encoded: '\"'"));
		assertThat(new RequestTarget("/profile#top").fault())
			.isEqualTo(new FieldError("path", "holds a character that must be percent-encoded: '#'"));
	}

	@Test
	void escapesEveryFaultyTargetIntoOneThatParses() {
		for (String faulty : new String[] { "/pro%ZZfile", "/a b", "/{x}?[y]=<z>", "/\u00FF\u0001\\^`", "/a#b#c", "/%",
				"/%4" }) {
			String escaped = new RequestTarget(faulty).escaped();
			assertThat(URI.create("http://localhost" + escaped).getRawPath()).as(faulty).startsWith("/");
		}
	}

}
