package dev.migrations.sample.token;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.migrations.sample.support.Api;
import dev.migrations.sample.support.ProxyFixtures;
import dev.migrations.sample.support.SqliteApplicationTests;

import static org.assertj.core.api.Assertions.assertThat;

class TokenApiTests extends SqliteApplicationTests {

	@Test
	void creatingATokenAnswersItsSecretOnce() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("token")).get("id").asString();
		OffsetDateTime expiry = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(30).truncatedTo(ChronoUnit.SECONDS);

		Api.Response response = api().post("/api/projects/" + projectId + "/tokens",
				Api.json("expires_at", expiry.toString(), "max_requests", 100));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("Cache-Control")).contains("no-store");
		JsonNode token = response.json();
		assertThat(token.get("id").asString()).matches("[0-9a-f-]{36}");
		assertThat(token.get("token").asString()).matches("[A-Za-z0-9_-]{43}");
		assertThat(token.get("project_id").asString()).isEqualTo(projectId);
		assertThat(Instant.parse(token.get("expires_at").asString())).isEqualTo(expiry.toInstant());
		assertThat(token.get("max_requests").asInt()).isEqualTo(100);
		assertThat(token.get("is_active").asBoolean()).isTrue();
		assertThat(token.get("request_count").asLong()).isZero();
	}

	@Test
	void tokensWithoutLimitsNeedNoBody() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("no-body")).get("id").asString();

		Api.Response response = api().post("/api/projects/" + projectId + "/tokens", null);

		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.json().get("expires_at").isNull()).isTrue();
		assertThat(response.json().get("max_requests").isNull()).isTrue();
	}

	@Test
	void everySecretIsNew() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("unique")).get("id").asString();

		String first = fixtures().token(projectId, "{}").get("token").asString();
		String second = fixtures().token(projectId, "{}").get("token").asString();

		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void listingAProjectsTokensShowsIdsAndNoSecrets() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("tokens")).get("id").asString();
		JsonNode first = fixtures().token(projectId, "{}");
		JsonNode second = fixtures().token(projectId, Api.json("max_requests", 3));

		Api.Response response = api().get("/api/projects/" + projectId + "/tokens");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().values()).map((token) -> token.get("id").asString())
			.containsExactly(first.get("id").asString(), second.get("id").asString());
		assertThat(response.json().get(0).propertyNames()).containsExactlyInAnyOrder("id", "project_id", "expires_at",
				"is_active", "request_count", "max_requests", "created_at", "last_used_at", "deactivated_at",
				"cache_hit_count");
		assertThat(response.text()).doesNotContain(first.get("token").asString())
			.doesNotContain(second.get("token").asString());
	}

	@Test
	void revokingATokenDeactivatesItAndNamesItByIdOnly() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("revoke")).get("id").asString();
		JsonNode token = fixtures().token(projectId, "{}");
		String id = token.get("id").asString();

		Api.Response response = api().post("/api/tokens/" + id + "/revoke", null);

		assertThat(response.status()).isEqualTo(200);
		JsonNode revoked = response.json();
		assertThat(revoked.get("id").asString()).isEqualTo(id);
		assertThat(revoked.get("is_active").asBoolean()).isFalse();
		assertThat(revoked.get("deactivated_at").isNull()).isFalse();
		assertThat(response.text()).doesNotContain(token.get("token").asString());
		assertThat(fixtures().check(token.get("token").asString()).json().get("status").asString())
			.isEqualTo("revoked");
	}

	@Test
	void revokingTwiceKeepsTheFirstTime() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("revoke-twice")).get("id").asString();
		String id = fixtures().token(projectId, "{}").get("id").asString();
		JsonNode first = api().post("/api/tokens/" + id + "/revoke", null).json();

		assertThat(api().post("/api/tokens/" + id + "/revoke", null).json()).isEqualTo(first);
	}

	@Test
	void revokingAnUnknownTokenIsANotFoundProblem() {
		for (String id : new String[] { "00000000-0000-4000-8000-000000000000", "not-a-uuid" }) {
			Api.Response response = api().post("/api/tokens/" + id + "/revoke", null);

			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).isEqualTo("No token has the id " + id + ".");
		}
	}

	@Test
	void aDeactivatedProjectGetsNoNewTokens() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("inactive")).get("id").asString();
		api().post("/api/projects/" + projectId + "/deactivate", null);

		Api.Response response = api().post("/api/projects/" + projectId + "/tokens", "{}");

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(api().get("/api/projects/" + projectId + "/tokens").json().values()).isEmpty();
	}

	@Test
	void limitsMustBeInTheFutureAndPositive() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("limits")).get("id").asString();

		Api.Response response = api().post("/api/projects/" + projectId + "/tokens",
				Api.json("expires_at", "2001-01-01T00:00:00Z", "max_requests", 0));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").values()).map((error) -> error.get("field").asString())
			.containsExactlyInAnyOrder("expires_at", "max_requests");
		assertThat(api().get("/api/projects/" + projectId + "/tokens").json().values()).isEmpty();
	}

	@Test
	void anExpiryThatIsNotATimeIsABadRequestProblem() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("bad-time")).get("id").asString();

		Api.Response response = api().post("/api/projects/" + projectId + "/tokens", Api.json("expires_at", "soon"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

}
