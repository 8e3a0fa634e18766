package dev.migrations.sample.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token
 * of up to 64 characters, else a new UUID. The answer carries it back in
 * {@code X-Request-Id}; audit events record it, with the caller's
 * {@code X-Correlation-Id} under the same rule.
 */
@Component
public class RequestIdFilter extends OncePerRequestFilter {

	/** The header of the request id. */
	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	/** The header of the correlation id. */
	public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

	private static final String REQUEST_ID = RequestIdFilter.class.getName() + ".requestId";

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(REQUEST_ID_HEADER);
		String id = isPlain(given) ? given : UUID.randomUUID().toString();
		request.setAttribute(REQUEST_ID, id);
		response.setHeader(REQUEST_ID_HEADER, id);
		chain.doFilter(request, response);
	}

	/** The request's id. */
	public static String requestId(HttpServletRequest request) {
		Object id = request.getAttribute(REQUEST_ID);
		return (id != null) ? id.toString() : null;
	}

	/**
	 * The caller's correlation id, or {@code null} when it gave none or one that is not a
	 * plain token.
	 */
	public static String correlationId(HttpServletRequest request) {
		String given = request.getHeader(CORRELATION_ID_HEADER);
		return isPlain(given) ? given : null;
	}

	private static boolean isPlain(String value) {
		return value != null && PLAIN.matcher(value).matches();
	}

}
