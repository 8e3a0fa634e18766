package dev.migrations.sample.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.migrations.sample.data.SqlValues;
import dev.migrations.sample.support.Api;
import dev.migrations.sample.support.ProxyFixtures;
import dev.migrations.sample.support.SqliteApplicationTests;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCheckApiTests extends SqliteApplicationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SqlValues values;

	private JsonNode newToken(String body) {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("check")).get("id").asString();
		return fixtures().token(projectId, body);
	}

	@Test
	void aValidTokenPassesAndIsCounted() {
		JsonNode token = newToken("{}");
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		Api.Response first = fixtures().check(token.get("token").asString());
		Api.Response second = fixtures().check(token.get("token").asString());

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("status").asString()).isEqualTo("valid");
		assertThat(first.json().get("token_id").asString()).isEqualTo(token.get("id").asString());
		assertThat(first.json().get("project_id").asString()).isEqualTo(token.get("project_id").asString());
		assertThat(first.json().get("request_count").asLong()).isEqualTo(1);
		assertThat(second.json().get("request_count").asLong()).isEqualTo(2);
		JsonNode listed = api().get("/api/projects/" + token.get("project_id").asString() + "/tokens").json().get(0);
		assertThat(listed.get("request_count").asLong()).isEqualTo(2);
		assertThat(Instant.parse(listed.get("last_used_at").asString())).isAfterOrEqualTo(before);
	}

	@Test
	void anUnknownTokenIsUnauthorized() {
		Api.Response response = fixtures().check("no-such-token");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("status").asString()).isEqualTo("unknown");
		assertThat(response.json().get("token_id").isNull()).isTrue();
	}

	@Test
	void anExpiredTokenIsForbiddenAndNotCounted() {
		JsonNode token = newToken(Api.json("expires_at", Instant.now().plusSeconds(3600).toString()));
		this.jdbc.sql("UPDATE tokens SET expires_at = :at WHERE id = :id")
			.param("at", this.values.instant(Instant.now().minusSeconds(1)))
			.param("id", this.values.tokenId(token.get("id").asString()))
			.update();

		Api.Response response = fixtures().check(token.get("token").asString());

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("status").asString()).isEqualTo("expired");
		assertThat(response.json().get("request_count").asLong()).isZero();
	}

	@Test
	void aTokenUntilLaterIsValidNow() {
		JsonNode token = newToken(Api.json("expires_at", Instant.now().plusSeconds(60).toString()));

		assertThat(fixtures().check(token.get("token").asString()).status()).isEqualTo(200);
	}

	@Test
	void aRevokedTokenIsForbidden() {
		JsonNode token = newToken("{}");
		api().post("/api/tokens/" + token.get("id").asString() + "/revoke", null);

		Api.Response response = fixtures().check(token.get("token").asString());

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("status").asString()).isEqualTo("revoked");
	}

	@Test
	void aTokenOverItsLimitIsTooManyRequests() {
		JsonNode token = newToken(Api.json("max_requests", 2));
		String secret = token.get("token").asString();
		fixtures().check(secret);
		fixtures().check(secret);

		Api.Response response = fixtures().check(secret);

		assertThat(response.status()).isEqualTo(429);
		assertThat(response.json().get("status").asString()).isEqualTo("over_limit");
		assertThat(response.json().get("request_count").asLong()).isEqualTo(2);
		assertThat(response.json().get("max_requests").asInt()).isEqualTo(2);
	}

	@Test
	void aRevokedTokenOverItsLimitIsRevoked() {
		JsonNode token = newToken(Api.json("max_requests", 1));
		fixtures().check(token.get("token").asString());
		api().post("/api/tokens/" + token.get("id").asString() + "/revoke", null);

		assertThat(fixtures().check(token.get("token").asString()).json().get("status").asString())
			.isEqualTo("revoked");
	}

	@Test
	void aBlankTokenIsABadRequestProblem() {
		Api.Response response = api().post("/v1/tokens/check", Api.json("token", ""));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("token");
	}

	@Test
	void everyCheckIsAuditedByTokenIdWithoutTheSecret() {
		JsonNode token = newToken(Api.json("max_requests", 1));
		String secret = token.get("token").asString();
		String projectId = token.get("project_id").asString();
		fixtures().check(secret);
		fixtures().check(secret);

		JsonNode events = api().get("/api/audit-events?action=token.check&project_id=" + projectId).json().get("items");

		assertThat(events.values()).map((event) -> event.get("outcome").asString() + "/" + event.get("reason"))
			.containsExactly("denied/\"over_limit\"", "success/null");
		assertThat(events.values()).allSatisfy((event) -> {
			assertThat(event.get("actor").asString()).isEqualTo("proxy");
			assertThat(event.get("token_id").asString()).isEqualTo(token.get("id").asString());
			assertThat(event.get("path").asString()).isEqualTo("/v1/tokens/check");
		});
		assertThat(events.toString()).doesNotContain(secret);
	}

	@Test
	void checksOfUnknownTokensAreAuditedAsDenied() {
		String requestId = ProxyFixtures.uniqueName("check");
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		api().post("/v1/tokens/check", Api.json("token", "made-up"), Map.of("X-Request-Id", requestId));

		JsonNode events = api().get("/api/audit-events?action=token.check&outcome=denied&from=" + before)
			.json()
			.get("items");

		assertThat(events.values()).singleElement().satisfies((event) -> {
			assertThat(event.get("request_id").asString()).isEqualTo(requestId);
			assertThat(event.get("reason").asString()).isEqualTo("unknown");
			assertThat(event.get("token_id").isNull()).isTrue();
			assertThat(event.toString()).doesNotContain("made-up");
		});
	}

}
