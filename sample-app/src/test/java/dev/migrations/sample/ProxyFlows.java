package dev.migrations.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.migrations.sample.data.SqlValues;
import dev.migrations.sample.project.Project;
import dev.migrations.sample.project.ProjectRepository;
import dev.migrations.sample.support.Api;
import dev.migrations.sample.support.ProxyFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flows that must work the same on both databases: a project's life, every answer of
 * a token check, stored times, and checks racing for a token's last uses.
 */
interface ProxyFlows {

	/** Threads checking one token at once. */
	int THREADS = 16;

	/** Checks per thread. */
	int CHECKS_PER_THREAD = 10;

	/** The token's limit, well below the checks made. */
	int LIMIT = 25;

	Api api();

	ProxyFixtures fixtures();

	ApplicationContext context();

	default JdbcClient jdbc() {
		return context().getBean(JdbcClient.class);
	}

	default SqlValues values() {
		return context().getBean(SqlValues.class);
	}

	default ProjectRepository projectRepository() {
		return context().getBean(ProjectRepository.class);
	}

	@Test
	default void aProjectLivesFromCreationToDeactivationWithItsAuditTrail() {
		String name = ProxyFixtures.uniqueName("flow");
		JsonNode project = fixtures().project(name);
		String projectId = project.get("id").asString();
		JsonNode token = fixtures().token(projectId, Api.json("max_requests", 10));
		String secret = token.get("token").asString();

		assertThat(fixtures().check(secret).status()).isEqualTo(200);
		assertThat(api().get("/api/projects/" + projectId + "/tokens").text()).doesNotContain(secret);
		assertThat(api().post("/api/projects/" + projectId + "/deactivate", null).json().get("is_active").asBoolean())
			.isFalse();
		assertThat(fixtures().check(secret).json().get("status").asString()).isEqualTo("revoked");
		assertThat(api().post("/api/projects", Api.json("name", name, "api_key", "sk-2")).status()).isEqualTo(409);
		assertThat(api().get("/api/projects/" + projectId + "-missing").status()).isEqualTo(404);

		List<JsonNode> events = List
			.copyOf(api().get("/api/audit-events?project_id=" + projectId).json().get("items").values());
		assertThat(events).map((event) -> event.get("action").asString() + " " + event.get("outcome").asString())
			.containsExactly("token.check denied", "project.deactivate success", "token.list success",
					"token.check success", "token.create success", "project.create success");
		assertThat(this.jdbc().sql("SELECT * FROM audit_events").query().listOfRows().toString()).doesNotContain(secret)
			.doesNotContain(ProxyFixtures.apiKeyOf(name));
	}

	@Test
	default void aTokenCheckAnswersEveryStatus() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("statuses")).get("id").asString();
		JsonNode valid = fixtures().token(projectId, Api.json("expires_at", Instant.now().plusSeconds(600).toString()));
		JsonNode expired = fixtures().token(projectId,
				Api.json("expires_at", Instant.now().plusSeconds(600).toString()));
		JsonNode revoked = fixtures().token(projectId, "{}");
		JsonNode limited = fixtures().token(projectId, Api.json("max_requests", 1));
		jdbc().sql("UPDATE tokens SET expires_at = :at WHERE id = :id")
			.param("at", values().instant(Instant.now().minusSeconds(1)))
			.param("id", values().tokenId(expired.get("id").asString()))
			.update();
		api().post("/api/tokens/" + revoked.get("id").asString() + "/revoke", null);
		fixtures().check(limited.get("token").asString());

		assertThat(answer(valid)).isEqualTo("200 valid");
		assertThat(answer(expired)).isEqualTo("403 expired");
		assertThat(answer(revoked)).isEqualTo("403 revoked");
		assertThat(answer(limited)).isEqualTo("429 over_limit");
		Api.Response unknown = fixtures().check("unknown-" + valid.get("token").asString());
		assertThat(unknown.status() + " " + unknown.json().get("status").asString()).isEqualTo("401 unknown");
	}

	private String answer(JsonNode token) {
		Api.Response response = fixtures().check(token.get("token").asString());
		return response.status() + " " + response.json().get("status").asString();
	}

	@Test
	default void storedTimesReadBackAsWritten() {
		JsonNode created = fixtures().project(ProxyFixtures.uniqueName("times"));
		Instant expiry = Instant.parse("2099-12-31T23:59:59.123Z");
		JsonNode token = fixtures().token(created.get("id").asString(), Api.json("expires_at", expiry.toString()));

		Project stored = projectRepository().findById(created.get("id").asString()).orElseThrow();

		assertThat(stored.createdAt()).isEqualTo(Instant.parse(created.get("created_at").asString()));
		assertThat(Instant.parse(token.get("expires_at").asString())).isEqualTo(expiry);
		JsonNode listed = api().get("/api/projects/" + created.get("id").asString() + "/tokens").json().get(0);
		assertThat(Instant.parse(listed.get("expires_at").asString())).isEqualTo(expiry);
		assertThat(listed.get("created_at").asString()).isEqualTo(token.get("created_at").asString());
	}

	@Test
	default void concurrentChecksPassExactlyAsManyTimesAsTheTokenAllows() throws Exception {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("race")).get("id").asString();
		JsonNode token = fixtures().token(projectId, Api.json("max_requests", LIMIT));
		String secret = token.get("token").asString();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		List<Future<List<Integer>>> results = new ArrayList<>();
		try {
			for (int i = 0; i < THREADS; i++) {
				results.add(threads.submit(() -> {
					start.await();
					List<Integer> statuses = new ArrayList<>();
					for (int j = 0; j < CHECKS_PER_THREAD; j++) {
						statuses.add(fixtures().check(secret).status());
					}
					return statuses;
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<List<Integer>> result : results) {
				statuses.addAll(result.get());
			}

			assertThat(statuses).hasSize(THREADS * CHECKS_PER_THREAD);
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(LIMIT);
			assertThat(statuses).filteredOn((status) -> status == 429).hasSize(THREADS * CHECKS_PER_THREAD - LIMIT);
			JsonNode listed = api().get("/api/projects/" + projectId + "/tokens").json().get(0);
			assertThat(listed.get("request_count").asLong()).isEqualTo(LIMIT);
			assertThat(api().get("/api/audit-events?action=token.check&outcome=success&project_id=" + projectId)
				.json()
				.get("total")
				.asLong()).isEqualTo(LIMIT);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("A checking thread failed", ex.getCause());
		}
		finally {
			threads.shutdownNow();
		}
	}

}
