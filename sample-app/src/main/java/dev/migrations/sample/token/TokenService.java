package dev.migrations.sample.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.migrations.sample.project.ProjectInactiveException;
import dev.migrations.sample.project.ProjectRepository;
import dev.migrations.sample.project.ProjectService;

/** Issuing, listing, revoking and checking tokens. */
@Service
public class TokenService {

	private final TokenRepository tokens;

	private final ProjectRepository projects;

	private final ProjectService projectService;

	private final TokenSecrets secrets;

	private final Clock clock;

	public TokenService(TokenRepository tokens, ProjectRepository projects, ProjectService projectService,
			TokenSecrets secrets, Clock clock) {
		this.tokens = tokens;
		this.projects = projects;
		this.projectService = projectService;
		this.secrets = secrets;
		this.clock = clock;
	}

	/**
	 * Issues a token for an active project.
	 * @param projectId the project
	 * @param request its limits
	 * @return the token, with its secret
	 * @throws dev.migrations.sample.project.ProjectNotFoundException when no project has
	 * the id
	 * @throws ProjectInactiveException when the project is deactivated
	 */
	@Transactional
	public IssuedToken issue(String projectId, NewToken request) {
		if (!this.projects.lockActive(projectId)) {
			this.projectService.get(projectId);
			throw new ProjectInactiveException(projectId);
		}
		Instant expiresAt = (request.expiresAt() != null) ? request.expiresAt().toInstant() : null;
		IssuedToken token = new IssuedToken(UUID.randomUUID().toString(), this.secrets.next(), projectId, expiresAt,
				request.maxRequests(), true, 0, this.clock.instant());
		this.tokens.insert(token);
		return token;
	}

	/**
	 * The tokens of a project, without secrets.
	 * @param projectId the project
	 * @return its tokens, oldest first
	 * @throws dev.migrations.sample.project.ProjectNotFoundException when no project has
	 * the id
	 */
	public List<Token> list(String projectId) {
		this.projectService.get(projectId);
		return this.tokens.findAllOf(projectId);
	}

	/**
	 * Revokes a token. Revoking a revoked token changes nothing.
	 * @param id the token's id
	 * @return the token afterwards
	 * @throws TokenNotFoundException when no token has the id
	 */
	@Transactional
	public Token revoke(String id) {
		this.tokens.revoke(id, this.clock.instant());
		return this.tokens.findById(id).orElseThrow(() -> new TokenNotFoundException(id));
	}

	/**
	 * Checks a token, counting the use when it is valid.
	 * @param secret the token's secret
	 * @return the answer
	 */
	public TokenCheck check(String secret) {
		Instant now = this.clock.instant();
		boolean counted = this.tokens.recordUse(secret, now);
		return this.tokens.findBySecret(secret)
			.map((token) -> TokenCheck.of(counted ? TokenStatus.VALID : whyNot(token, now), token))
			.orElseGet(TokenCheck::unknown);
	}

	/**
	 * Why a token's use was not counted. Its own state answers; when nothing in it
	 * forbids the use, its project is inactive (a deactivation that reached the project
	 * but not yet this token), so it is revoked with the project.
	 */
	private static TokenStatus whyNot(Token token, Instant now) {
		TokenStatus status = token.statusAt(now);
		return (status != TokenStatus.VALID) ? status : TokenStatus.REVOKED;
	}

}
