package dev.frontline.admin.security;

import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import dev.frontline.admin.web.ProblemWriter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Four filter chains, tried in order:
 * <ol>
 * <li>the actuator endpoints on the management port: open, as before; that port is not
 * meant to be exposed;</li>
 * <li>the endpoints gateways call ({@link #GATEWAY_ENDPOINTS}): only the control-plane
 * token, never a person's credentials;</li>
 * <li>the REST API for people ({@code /api/**}): HTTP Basic for scripts, stateless and
 * without CSRF token, or the session of a logged-in browser, with CSRF token for changes.
 * Reads need the viewer role; route changes, the default rate limit, rollbacks, releases,
 * timer triggers and redriving dead letters the operator role; API keys the admin role.
 * Refusals are problems: 401 with a Basic challenge, 403;</li>
 * <li>everything else, the browser pages: form login and a session, a CSRF token on every
 * form, an anonymous visitor sent to the login page. The pages follow the API's rules:
 * every page that changes routes, the config, releases or timer triggers, or redrives
 * dead letters, or shows the form for such a change, needs the operator role; the API key
 * pages need the admin role; everything else the viewer role. Refusals are the error page
 * with 403. Only the login page, the error page and static assets are public.</li>
 * </ol>
 * Ahead of them all, the firewall refuses ambiguous URLs and unknown methods
 * ({@link ProblemRequestRejectedHandler}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration implements WebMvcConfigurer {

	/** The endpoints gateways call. */
	static final List<String> GATEWAY_ENDPOINTS = List.of("/api/v1/config/watch", "/api/v1/gateways/*/status");

	/** The realm of every challenge. */
	static final String REALM = "frontline";

	/** What the login page needs before anyone has logged in. */
	static final List<String> PUBLIC_ASSETS = List.of("/css/**", "/js/**", "/webjars/**", "/favicon.svg",
			"/favicon.ico");

	/**
	 * The API key pages that change keys: the admin role, as for the API keys API. Every
	 * role may list them, without their secrets, which are never stored.
	 */
	static final List<String> ADMIN_PAGES = List.of("/api-keys/*/revoke");

	/** The pages that show the form of a change an operator makes. */
	static final List<String> OPERATOR_FORMS = List.of("/routes/new", "/routes/*/edit", "/routes/*/delete",
			"/releases/new", "/config/rollback/*", "/triggers/new", "/triggers/*/edit", "/triggers/*/delete",
			"/dead-letters/redrive");

	/**
	 * The form posts that change routes, the config, releases or timer triggers, or
	 * redrive dead letters.
	 */
	static final List<String> OPERATOR_CHANGES = List.of("/routes", "/routes/**", "/releases", "/releases/**",
			"/config/rollback/*", "/triggers", "/triggers/**", "/dead-letters/**");

	/**
	 * The pages load scripts, styles and data from the console only; nothing inline, so
	 * that text that slipped through escaping still could not run.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
			+ " frame-ancestors 'none'";

	/**
	 * The {@code Sec-Fetch-Site} values of requests a browser makes on its own origin, or
	 * on the user's own initiative. Scripts send no such header.
	 */
	private static final Set<String> SAME_ORIGIN = Set.of("same-origin", "none");

	private static final String BASIC = "Basic ";

	private final ProblemWriter problems;

	SecurityConfiguration(JsonMapper jsonMapper) {
		this.problems = new ProblemWriter(jsonMapper);
	}

	@Bean
	@Order(1)
	SecurityFilterChain actuatorSecurity(HttpSecurity http) {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain gatewaySecurity(HttpSecurity http, ControlPlaneToken token) {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(this.problems,
				"Bearer realm=\"" + REALM + "\"", "Send the control-plane token as 'Authorization: Bearer <token>'",
				"The control-plane token is not valid");
		return http.securityMatcher(GATEWAY_ENDPOINTS.toArray(String[]::new))
			.authorizeHttpRequests((requests) -> requests
				// The watch streams on in async dispatches of the request that passed.
				.dispatcherTypeMatchers(DispatcherType.ASYNC)
				.permitAll()
				.anyRequest()
				.hasAuthority(ControlPlaneTokenFilter.AUTHORITY))
			.addFilterBefore(new ControlPlaneTokenFilter(token, entryPoint), BasicAuthenticationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			// No cookie authenticates a gateway, so no request can be forged with one.
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemAccessDeniedHandler(this.problems, entryPoint)))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain apiSecurity(HttpSecurity http) {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(this.problems,
				"Basic realm=\"" + REALM + "\"",
				"Log in, or send a user name and password with HTTP Basic authentication",
				"The user name or password is not valid");
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/v1/api-keys")
				.hasRole(Role.VIEWER.name())
				.requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasRole(Role.VIEWER.name())
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.hasRole(Role.VIEWER.name())
				.requestMatchers("/api/v1/routes", "/api/v1/routes/**", "/api/v1/config/rollback/*",
						"/api/v1/config/default-rate-limit", "/api/v1/releases", "/api/v1/releases/**",
						"/api/v1/triggers", "/api/v1/triggers/**", "/api/v1/dead-letters/**")
				.hasRole(Role.OPERATOR.name())
				.anyRequest()
				.denyAll())
			.httpBasic((basic) -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
			// Nothing is kept for after a login, so a refused call opens no session.
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(SecurityConfiguration::isScriptWithBasicCredentials))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemAccessDeniedHandler(this.problems, entryPoint)))
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain pageSecurity(HttpSecurity http) {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/error")
				.permitAll()
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.GET, PUBLIC_ASSETS.toArray(String[]::new))
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api-keys")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(ADMIN_PAGES.toArray(String[]::new))
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, OPERATOR_FORMS.toArray(String[]::new))
				.hasRole(Role.OPERATOR.name())
				.requestMatchers(HttpMethod.POST, OPERATOR_CHANGES.toArray(String[]::new))
				.hasRole(Role.OPERATOR.name())
				.requestMatchers(HttpMethod.GET, "/**")
				.hasRole(Role.VIEWER.name())
				.requestMatchers(HttpMethod.HEAD, "/**")
				.hasRole(Role.VIEWER.name())
				.anyRequest()
				.denyAll())
			.formLogin((login) -> login.loginPage("/login").permitAll())
			.requestCache((cache) -> cache.requestCache(pagesToReturnTo()))
			.logout((logout) -> logout.permitAll())
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new PageAccessDeniedHandler()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new ProblemRequestRejectedHandler(this.problems);
	}

	/**
	 * Remembers the page an anonymous visitor asked for, to show it after the login; but
	 * not what a page loads by itself (fragments, scripts, data), which is no page to
	 * return to.
	 */
	private static RequestCache pagesToReturnTo() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(SecurityConfiguration::isPageVisit);
		return cache;
	}

	/**
	 * Whether a request is a person's visit of a page rather than one a page makes.
	 */
	private static boolean isPageVisit(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return HttpMethod.GET.matches(request.getMethod()) && request.getHeader("HX-Request") == null && accept != null
				&& accept.contains("text/html");
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ConsoleUserInterceptor());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new AuthorArgumentResolver());
	}

	/**
	 * Whether a request carries HTTP Basic credentials and does not come from a page of
	 * another site. A forged cross-site request cannot set the {@code Authorization}
	 * header, but a browser may replay Basic credentials it cached; such requests say
	 * where they come from in {@code Sec-Fetch-Site}, so they still need the CSRF token.
	 */
	static boolean isScriptWithBasicCredentials(HttpServletRequest request) {
		if (!hasBasicCredentials(request)) {
			return false;
		}
		String site = request.getHeader("Sec-Fetch-Site");
		return site == null || SAME_ORIGIN.contains(site);
	}

	/**
	 * Whether a request carries HTTP Basic credentials, valid or not.
	 */
	static boolean hasBasicCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length());
	}

}
