package dev.migrations.spring.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.migrations.spring.autoconfigure.MigrationsProgress;

/**
 * Answers {@code 503 Service Unavailable} with {@code Retry-After} to every request that arrives before the startup
 * migrations finish, so that none reaches a repository early. Actuator endpoints pass, so that probes and the
 * migrations endpoint keep answering.
 */
public final class MigrationsStartupFilter implements Filter {

	private final MigrationsProgress progress;

	private final String actuatorPath;

	private final long retryAfterSeconds;

	/**
	 * Creates the filter.
	 * @param progress where the startup migrations stand
	 * @param actuatorPath the actuator base path, whose requests always pass
	 * @param retryAfter the Retry-After to send
	 */
	public MigrationsStartupFilter(MigrationsProgress progress, String actuatorPath, Duration retryAfter) {
		this.progress = progress;
		this.actuatorPath = actuatorPath.endsWith("/") ? actuatorPath.substring(0, actuatorPath.length() - 1)
				: actuatorPath;
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

	private boolean isActuator(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !this.actuatorPath.isEmpty() && (path.equals(this.actuatorPath) || path.startsWith(this.actuatorPath + "/"));
	}

}
