package dev.migrations.sample.project;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.migrations.sample.support.Api;
import dev.migrations.sample.support.ProxyFixtures;
import dev.migrations.sample.support.SqliteApplicationTests;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectApiTests extends SqliteApplicationTests {

	@Test
	void creatingAProjectAnswers201WithTheProjectAndItsLocation() {
		String name = ProxyFixtures.uniqueName("create");
		Api.Response response = api().post("/api/projects", Api.json("name", name, "api_key", "sk-live-123"));

		assertThat(response.status()).isEqualTo(201);
		JsonNode project = response.json();
		assertThat(project.propertyNames()).containsExactlyInAnyOrder("id", "name", "is_active", "created_at",
				"updated_at", "deactivated_at");
		assertThat(project.get("id").asString())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(project.get("name").asString()).isEqualTo(name);
		assertThat(project.get("is_active").asBoolean()).isTrue();
		assertThat(Instant.parse(project.get("created_at").asString())).isBeforeOrEqualTo(Instant.now());
		assertThat(project.get("updated_at").asString()).isEqualTo(project.get("created_at").asString());
		assertThat(project.get("deactivated_at").isNull()).isTrue();
		assertThat(response.header("Location")).isEqualTo("/api/projects/" + project.get("id").asString());
	}

	@Test
	void theApiKeyIsNeverAnswered() {
		String name = ProxyFixtures.uniqueName("secret-key");
		JsonNode project = fixtures().project(name);
		String id = project.get("id").asString();
		String key = ProxyFixtures.apiKeyOf(name);

		assertThat(project.toString()).doesNotContain(key).doesNotContain("api_key");
		assertThat(api().get("/api/projects/" + id).text()).doesNotContain(key).doesNotContain("api_key");
		assertThat(api().get("/api/projects").text()).doesNotContain(key).doesNotContain("api_key");
		assertThat(api().post("/api/projects/" + id + "/deactivate", null).text()).doesNotContain(key);
		assertThat(api().get("/api/audit-events?project_id=" + id).text()).doesNotContain(key);
	}

	@Test
	void aDuplicateNameIsAConflictProblem() {
		String name = ProxyFixtures.uniqueName("duplicate");
		fixtures().project(name);

		Api.Response response = api().post("/api/projects", Api.json("name", name, "api_key", "sk-other"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(409);
		assertThat(problem.get("detail").asString()).contains(name);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/projects");
		assertThat(response.text()).doesNotContain("sk-other");
	}

	@Test
	void listingAnswersEveryProjectByName() {
		String prefix = ProxyFixtures.uniqueName("list");
		fixtures().project(prefix + "-b");
		fixtures().project(prefix + "-a");

		Api.Response response = api().get("/api/projects");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().values()).map((project) -> project.get("name").asString())
			.filteredOn((name) -> name.startsWith(prefix))
			.containsExactly(prefix + "-a", prefix + "-b");
	}

	@Test
	void aProjectIsReadByItsId() {
		JsonNode created = fixtures().project(ProxyFixtures.uniqueName("read"));

		Api.Response response = api().get("/api/projects/" + created.get("id").asString());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).isEqualTo(created);
	}

	@Test
	void anUnknownIdIsANotFoundProblem() {
		for (Api.Response response : new Api.Response[] { api().get("/api/projects/no-such-project"),
				api().post("/api/projects/no-such-project/deactivate", null),
				api().get("/api/projects/no-such-project/tokens"),
				api().post("/api/projects/no-such-project/tokens", "{}") }) {
			assertThat(response.status()).as(response.text()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).isEqualTo("No project has the id no-such-project.");
		}
	}

	@Test
	void deactivatingAProjectDeactivatesItsTokensToo() {
		JsonNode project = fixtures().project(ProxyFixtures.uniqueName("deactivate"));
		String id = project.get("id").asString();
		JsonNode first = fixtures().token(id, "{}");
		JsonNode second = fixtures().token(id, Api.json("max_requests", 5));

		Api.Response response = api().post("/api/projects/" + id + "/deactivate", null);

		assertThat(response.status()).isEqualTo(200);
		JsonNode deactivated = response.json();
		assertThat(deactivated.get("is_active").asBoolean()).isFalse();
		Instant at = Instant.parse(deactivated.get("deactivated_at").asString());
		assertThat(deactivated.get("updated_at").asString()).isEqualTo(at.toString());
		assertThat(api().get("/api/projects/" + id + "/tokens").json().values()).hasSize(2).allSatisfy((token) -> {
			assertThat(token.get("is_active").asBoolean()).isFalse();
			assertThat(Instant.parse(token.get("deactivated_at").asString())).isEqualTo(at);
		});
		assertThat(fixtures().check(first.get("token").asString()).json().get("status").asString())
			.isEqualTo("revoked");
		assertThat(fixtures().check(second.get("token").asString()).json().get("status").asString())
			.isEqualTo("revoked");
	}

	@Test
	void deactivatingTwiceKeepsTheFirstTime() {
		String id = fixtures().project(ProxyFixtures.uniqueName("twice")).get("id").asString();
		JsonNode first = api().post("/api/projects/" + id + "/deactivate", null).json();

		Api.Response again = api().post("/api/projects/" + id + "/deactivate", null);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first);
	}

	@Test
	void invalidProjectsAreValidationProblemsNamingEachField() {
		Api.Response response = api().post("/api/projects", Api.json("name", " ", "api_key", ""));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
		assertThat(problem.get("errors").values()).map((error) -> error.get("field").asString())
			.containsExactlyInAnyOrder("name", "api_key");
	}

	@Test
	void anOverlongApiKeyIsRejectedWithoutEchoingIt() {
		String key = "sk-" + "x".repeat(1200);

		Api.Response response = api().post("/api/projects",
				Api.json("name", ProxyFixtures.uniqueName("long"), "api_key", key));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).contains("api_key").doesNotContain("xxxxxxxxxx");
	}

	@Test
	void aMissingOrMalformedBodyIsABadRequestProblem() {
		for (Api.Response response : new Api.Response[] { api().post("/api/projects", null),
				api().post("/api/projects", "{\"name\": \"x\", \"api_key\": "), api().post("/api/projects", "[]") }) {
			assertThat(response.status()).as(response.text()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

}
