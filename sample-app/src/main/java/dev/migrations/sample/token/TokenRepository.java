package dev.migrations.sample.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.migrations.sample.data.SqlValues;

/**
 * The {@code tokens} table. The secret is written, and matched in checks; it is never
 * read back.
 */
@Repository
public class TokenRepository {

	private static final String COLUMNS = "id, project_id, expires_at, is_active, request_count, max_requests,"
			+ " created_at, last_used_at, deactivated_at, cache_hit_count";

	private final JdbcClient jdbc;

	private final SqlValues values;

	public TokenRepository(JdbcClient jdbc, SqlValues values) {
		this.jdbc = jdbc;
		this.values = values;
	}

	/**
	 * Inserts a new, active token.
	 * @param token the token
	 */
	public void insert(IssuedToken token) {
		this.jdbc
			.sql("INSERT INTO tokens (id, token, project_id, expires_at, is_active, request_count, max_requests,"
					+ " created_at, cache_hit_count)"
					+ " VALUES (:id, :token, :projectId, :expiresAt, :active, 0, :maxRequests, :createdAt, 0)")
			.param("id", this.values.tokenId(token.id()))
			.param("token", token.token())
			.param("projectId", token.projectId())
			.param("expiresAt", this.values.instant(token.expiresAt()))
			.param("active", true)
			.param("maxRequests", token.maxRequests())
			.param("createdAt", this.values.instant(token.createdAt()))
			.update();
	}

	public Optional<Token> findById(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tokens WHERE id = :id")
			.param("id", this.values.tokenId(id))
			.query(this::token)
			.optional();
	}

	/** The tokens of a project, oldest first. */
	public List<Token> findAllOf(String projectId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tokens WHERE project_id = :projectId ORDER BY created_at, id")
			.param("projectId", projectId)
			.query(this::token)
			.list();
	}

	/** The token with a secret, for telling why a check failed. */
	public Optional<Token> findBySecret(String secret) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tokens WHERE token = :token")
			.param("token", secret)
			.query(this::token)
			.optional();
	}

	/**
	 * Revokes an active token.
	 * @param id the token's id
	 * @param now the time of revocation
	 * @return whether an active token had that id
	 */
	public boolean revoke(String id, Instant now) {
		return this.jdbc
			.sql("UPDATE tokens SET is_active = :inactive, deactivated_at = :now WHERE id = :id AND is_active")
			.param("inactive", false)
			.param("now", this.values.instant(now))
			.param("id", this.values.tokenId(id))
			.update() > 0;
	}

	/**
	 * Deactivates every active token of a project.
	 * @param projectId the project
	 * @param now the time of deactivation
	 */
	public void deactivateAllOf(String projectId, Instant now) {
		this.jdbc
			.sql("UPDATE tokens SET is_active = :inactive, deactivated_at = :now"
					+ " WHERE project_id = :projectId AND is_active")
			.param("inactive", false)
			.param("now", this.values.instant(now))
			.param("projectId", projectId)
			.update();
	}

	/**
	 * Counts one use of a token if it may be used now, in one statement: under concurrent
	 * checks the database serializes the increments, so a token with
	 * {@code max_requests = K} passes exactly K of them.
	 * @param secret the token's secret
	 * @param now the time of the check
	 * @return whether the use was counted (the token is valid)
	 */
	public boolean recordUse(String secret, Instant now) {
		Object at = this.values.instant(now);
		return this.jdbc.sql("UPDATE tokens SET request_count = request_count + 1, last_used_at = :now"
				+ " WHERE token = :token AND is_active" + " AND (max_requests IS NULL OR request_count < max_requests)"
				+ " AND (expires_at IS NULL OR expires_at > :now)"
				+ " AND EXISTS (SELECT 1 FROM projects WHERE projects.id = tokens.project_id AND projects.is_active)")
			.param("now", at)
			.param("token", secret)
			.update() > 0;
	}

	private Token token(ResultSet row, int number) throws SQLException {
		Object maxRequests = row.getObject("max_requests");
		return new Token(row.getString("id"), row.getString("project_id"), this.values.readInstant(row, "expires_at"),
				row.getBoolean("is_active"), row.getLong("request_count"),
				(maxRequests != null) ? ((Number) maxRequests).intValue() : null,
				this.values.readInstant(row, "created_at"), this.values.readInstant(row, "last_used_at"),
				this.values.readInstant(row, "deactivated_at"), row.getLong("cache_hit_count"));
	}

}
