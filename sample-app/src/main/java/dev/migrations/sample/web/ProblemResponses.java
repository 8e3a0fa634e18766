package dev.migrations.sample.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.migrations.sample.ConflictException;
import dev.migrations.sample.NotFoundException;

/**
 * Every error as {@code application/problem+json}: Spring MVC's own (malformed bodies,
 * wrong methods, unknown paths), invalid input as 400 with an {@code errors} list naming
 * each field (never its value, which may be a key), unknown ids as 404, conflicts as 409,
 * and anything unexpected as 500 without its details.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemResponses.class);

	/**
	 * One invalid input.
	 *
	 * @param field the JSON property or query parameter
	 * @param message what is wrong with it
	 */
	public record InvalidField(String field, String message) {

	}

	@ExceptionHandler
	ResponseEntity<Object> notFound(NotFoundException ex, WebRequest request) {
		return problem(ex, HttpStatus.NOT_FOUND, "Not found", request);
	}

	@ExceptionHandler
	ResponseEntity<Object> conflict(ConflictException ex, WebRequest request) {
		return problem(ex, HttpStatus.CONFLICT, "Conflict", request);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest servletRequest, WebRequest request) {
		String requestId = RequestIdFilter.requestId(servletRequest);
		logger.error("Request {} {} (id {}) failed", servletRequest.getMethod(), servletRequest.getRequestURI(),
				requestId, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server failed to answer; the log has the details under request id " + requestId + ".");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new InvalidField(jsonName(error.getField()), message(error)))
			.toList();
		return invalid(ex, errors, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new InvalidField(parameterName(result), message(error))))
			.toList();
		return invalid(ex, errors, headers, status, request);
	}

	private ResponseEntity<Object> invalid(Exception ex, List<InvalidField> errors, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"The request is invalid: " + errors.stream()
					.map((error) -> error.field() + " " + error.message())
					.reduce((first, second) -> first + "; " + second)
					.orElse("see errors") + ".");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private ResponseEntity<Object> problem(RuntimeException ex, HttpStatus status, String title, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	private static String parameterName(ParameterValidationResult result) {
		RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return jsonName(result.getMethodParameter().getParameterName());
	}

	/** The JSON name of a Java property: {@code apiKey} is {@code api_key}. */
	static String jsonName(String property) {
		return (property != null) ? property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT) : null;
	}

}
