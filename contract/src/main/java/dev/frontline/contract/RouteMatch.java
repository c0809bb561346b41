package dev.frontline.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The requests a route rule matches. Every condition must hold.
 *
 * @param path a path pattern such as {@code /api/products/{id}} or {@code /static/**}
 * @param methods HTTP methods the route accepts; empty for any method
 * @param hosts host patterns such as {@code api.example.com} or {@code *.example.com};
 * empty for any host
 * @param headers header conditions; empty for none
 */
public record RouteMatch(@NotBlank @PathPattern String path,
		@NotNull Set<@NotNull @Pattern(regexp = METHODS, message = METHOD_MESSAGE) String> methods,
		@NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = HOST_PATTERN,
				message = "must be a host name, optionally with a leading '*.' and a port") String> hosts,
		@NotNull @Size(max = 20) List<@NotNull @Valid HeaderCondition> headers) {

	static final String METHODS = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";

	static final String METHOD_MESSAGE = "must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

	static final String HOST_PATTERN = "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*(:[0-9]{1,5})?";

	public RouteMatch {
		methods = (methods != null) ? normalize(methods) : Set.of();
		hosts = (hosts != null) ? List.copyOf(hosts) : List.of();
		headers = (headers != null) ? List.copyOf(headers) : List.of();
	}

	/**
	 * Matches the given path for the given methods on any host.
	 */
	public static RouteMatch of(String path, String... methods) {
		return new RouteMatch(path, Set.of(methods), List.of(), List.of());
	}

	private static Set<String> normalize(Set<String> methods) {
		List<String> upper = new ArrayList<>(methods.size());
		for (String method : methods) {
			upper.add((method != null) ? method.toUpperCase(Locale.ROOT) : null);
		}
		if (upper.contains(null)) {
			return java.util.Collections.unmodifiableSet(new java.util.HashSet<>(upper));
		}
		return java.util.Collections.unmodifiableSet(new TreeSet<>(upper));
	}

}
