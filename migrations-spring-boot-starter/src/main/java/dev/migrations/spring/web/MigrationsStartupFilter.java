package dev.migrations.spring.web;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.migrations.spring.autoconfigure.MigrationsProgress;

/**
 * Answers {@code 503 Service Unavailable} with {@code Retry-After} to every request that
 * arrives before the startup migrations finish, so that none reaches a repository early.
 * Actuator endpoints pass wherever they are mapped, so that probes (liveness above all)
 * and the migrations endpoint keep answering.
 */
public final class MigrationsStartupFilter implements Filter {

	private final MigrationsProgress progress;

	private final Predicate<String> actuator;

	private final long retryAfterSeconds;

	/**
	 * Creates the filter.
	 * @param progress where the startup migrations stand
	 * @param actuator whether a path, within the application or within the servlet, is an
	 * actuator endpoint's
	 * @param retryAfter the Retry-After to send
	 */
	public MigrationsStartupFilter(MigrationsProgress progress, Predicate<String> actuator, Duration retryAfter) {
		this.progress = progress;
		this.actuator = actuator;
		this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (this.progress.isDone() || isActuator((HttpServletRequest) request)) {
			chain.doFilter(request, response);
			return;
		}
		HttpServletResponse http = (HttpServletResponse) response;
		http.setHeader("Retry-After", Long.toString(this.retryAfterSeconds));
		http.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Database migrations are running");
	}

	// Endpoints are mapped inside the DispatcherServlet, which may have a path of its own
	// (spring.mvc.servlet.path).
	private boolean isActuator(HttpServletRequest request) {
		String withinApplication = request.getRequestURI().substring(request.getContextPath().length());
		String withinServlet = request.getPathInfo();
		return this.actuator.test(withinApplication) || withinServlet != null && this.actuator.test(withinServlet);
	}

}
