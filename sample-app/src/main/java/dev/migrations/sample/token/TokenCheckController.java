package dev.migrations.sample.token;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.migrations.sample.audit.Audited;

/**
 * The proxy's question: may this token be used now? Every answer has the same JSON body;
 * its status also says it in HTTP: 200 valid, 401 unknown, 403 expired or revoked, 429
 * over its limit.
 */
@RestController
class TokenCheckController {

	private final TokenService tokens;

	TokenCheckController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/v1/tokens/check")
	@Audited(action = "token.check", actor = "proxy")
	ResponseEntity<TokenCheck> check(@Valid @RequestBody TokenCheckRequest request) {
		TokenCheck check = this.tokens.check(request.token());
		return ResponseEntity.status(httpStatus(check.status())).body(check);
	}

	static HttpStatus httpStatus(TokenStatus status) {
		return switch (status) {
			case VALID -> HttpStatus.OK;
			case UNKNOWN -> HttpStatus.UNAUTHORIZED;
			case EXPIRED, REVOKED -> HttpStatus.FORBIDDEN;
			case OVER_LIMIT -> HttpStatus.TOO_MANY_REQUESTS;
		};
	}

}
