package dev.migrations.sample.token;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.migrations.sample.audit.Audited;

/** The tokens of the management API. Only the answer to a creation carries a secret. */
@RestController
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/projects/{projectId}/tokens")
	@Audited(action = "token.create")
	ResponseEntity<IssuedToken> create(@PathVariable String projectId,
			@Valid @RequestBody(required = false) NewToken request) {
		IssuedToken token = this.tokens.issue(projectId, (request != null) ? request : NewToken.UNLIMITED);
		// The secret is shown once: no cache may keep it.
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(token);
	}

	@GetMapping("/api/projects/{projectId}/tokens")
	@Audited(action = "token.list")
	List<Token> list(@PathVariable String projectId) {
		return this.tokens.list(projectId);
	}

	@PostMapping("/api/tokens/{tokenId}/revoke")
	@Audited(action = "token.revoke")
	Token revoke(@PathVariable String tokenId) {
		return this.tokens.revoke(tokenId);
	}

}
