package dev.migrations.sample.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import dev.migrations.sample.data.TimeOrderedIds;
import dev.migrations.sample.web.RequestIdFilter;

/**
 * Writes the audit event of an {@link Audited} request just before its answer (or its
 * problem) is written: a client that has the answer finds the event. The outcome follows
 * the status; the project and token come from the answer when it is an
 * {@link AuditSubject}, else from the path.
 */
@RestControllerAdvice
public class AuditingResponseAdvice implements ResponseBodyAdvice<Object> {

	private static final Logger logger = LoggerFactory.getLogger(AuditingResponseAdvice.class);

	private static final String DONE = AuditingResponseAdvice.class.getName() + ".done";

	private static final int MAX_TEXT = 512;

	private final AuditEventRepository events;

	private final TimeOrderedIds ids;

	private final Clock clock;

	public AuditingResponseAdvice(AuditEventRepository events, TimeOrderedIds ids, Clock clock) {
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (request instanceof ServletServerHttpRequest servletRequest
				&& response instanceof ServletServerHttpResponse servletResponse) {
			record(body, servletRequest.getServletRequest(), servletResponse.getServletResponse());
		}
		return body;
	}

	private void record(Object body, HttpServletRequest request, HttpServletResponse response) {
		Audited audited = audited(request);
		if (audited == null || request.getAttribute(DONE) != null) {
			return;
		}
		request.setAttribute(DONE, Boolean.TRUE);
		Map<String, String> path = pathVariables(request);
		String projectId = path.get("projectId");
		String tokenId = path.get("tokenId");
		String reason = null;
		if (body instanceof AuditSubject subject) {
			projectId = (subject.auditedProjectId() != null) ? subject.auditedProjectId() : projectId;
			tokenId = (subject.auditedTokenId() != null) ? subject.auditedTokenId() : tokenId;
			reason = subject.auditedReason();
		}
		else if (body instanceof ProblemDetail problem) {
			reason = problem.getDetail();
		}
		Instant now = this.clock.instant();
		AuditEvent event = new AuditEvent(this.ids.next(now), now, audited.action(), audited.actor(), projectId,
				RequestIdFilter.requestId(request), RequestIdFilter.correlationId(request), request.getRemoteAddr(),
				request.getMethod(), clip(request.getRequestURI()), clip(request.getHeader("User-Agent")),
				Outcome.ofStatus(response.getStatus()), clip(reason), tokenId, null);
		try {
			this.events.insert(event);
		}
		catch (DataAccessException ex) {
			// The request has done its work; failing its answer now would hide that. The
			// log keeps the event.
			logger.error("Could not write the audit event of {} {} (action {}, outcome {}, request {})", event.method(),
					event.path(), event.action(), event.outcome().value(), event.requestId(), ex);
		}
	}

	private static Audited audited(HttpServletRequest request) {
		Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		return (handler instanceof HandlerMethod method) ? method.getMethodAnnotation(Audited.class) : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> pathVariables(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return (variables instanceof Map<?, ?> map) ? (Map<String, String>) map : Map.of();
	}

	private static String clip(String text) {
		return (text != null && text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
	}

}
