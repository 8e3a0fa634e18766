package dev.migrations.sample.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.migrations.sample.support.Api;
import dev.migrations.sample.support.ProxyFixtures;
import dev.migrations.sample.support.SqliteApplicationTests;

import static org.assertj.core.api.Assertions.assertThat;

class AuditApiTests extends SqliteApplicationTests {

	@Autowired
	JdbcClient jdbc;

	private List<JsonNode> events(String query) {
		Api.Response response = api().get("/api/audit-events?" + query);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return List.copyOf(response.json().get("items").values());
	}

	private static List<String> actions(List<JsonNode> events) {
		return events.stream().map((event) -> event.get("action").asString()).toList();
	}

	@Test
	void aManagementActionIsAuditedWithTheRequestItCameFrom() {
		String name = ProxyFixtures.uniqueName("audited");
		Api.Response created = api().post("/api/projects", Api.json("name", name, "api_key", "sk-audit"),
				Map.of("X-Request-Id", "req-" + name, "X-Correlation-Id", "corr-1", "User-Agent", "audit-test/1.0"));
		String projectId = created.json().get("id").asString();

		JsonNode event = events("project_id=" + projectId).get(0);

		assertThat(created.header("X-Request-Id")).isEqualTo("req-" + name);
		assertThat(event.get("id").asString())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(event.get("action").asString()).isEqualTo("project.create");
		assertThat(event.get("actor").asString()).isEqualTo("management-api");
		assertThat(event.get("outcome").asString()).isEqualTo("success");
		assertThat(event.get("project_id").asString()).isEqualTo(projectId);
		assertThat(event.get("request_id").asString()).isEqualTo("req-" + name);
		assertThat(event.get("correlation_id").asString()).isEqualTo("corr-1");
		assertThat(event.get("client_ip").asString()).isEqualTo("127.0.0.1");
		assertThat(event.get("method").asString()).isEqualTo("POST");
		assertThat(event.get("path").asString()).isEqualTo("/api/projects");
		assertThat(event.get("user_agent").asString()).isEqualTo("audit-test/1.0");
		assertThat(event.get("reason").isNull()).isTrue();
		assertThat(event.get("token_id").isNull()).isTrue();
		assertThat(Instant.parse(event.get("timestamp").asString())).isBeforeOrEqualTo(Instant.now());
	}

	@Test
	void everyActionOnAProjectIsAuditedNewestFirst() {
		String name = ProxyFixtures.uniqueName("history");
		String projectId = fixtures().project(name).get("id").asString();
		JsonNode token = fixtures().token(projectId, "{}");
		String tokenId = token.get("id").asString();
		api().get("/api/projects/" + projectId);
		api().get("/api/projects/" + projectId + "/tokens");
		fixtures().check(token.get("token").asString());
		api().post("/api/tokens/" + tokenId + "/revoke", null);
		api().post("/api/projects/" + projectId + "/deactivate", null);

		List<JsonNode> events = events("project_id=" + projectId);

		assertThat(actions(events)).containsExactly("project.deactivate", "token.revoke", "token.check", "token.list",
				"project.get", "token.create", "project.create");
		assertThat(events).map((event) -> event.get("outcome").asString()).containsOnly("success");
		assertThat(events)
			.filteredOn((event) -> List.of("token.create", "token.check", "token.revoke")
				.contains(event.get("action").asString()))
			.hasSize(3)
			.allSatisfy((event) -> assertThat(event.get("token_id").asString()).isEqualTo(tokenId));
		assertThat(this.jdbc.sql("SELECT * FROM audit_events").query().listOfRows().toString())
			.doesNotContain(token.get("token").asString())
			.doesNotContain(ProxyFixtures.apiKeyOf(name));
	}

	@Test
	void failuresAreAuditedWithTheirReason() {
		String name = ProxyFixtures.uniqueName("failing");
		String projectId = fixtures().project(name).get("id").asString();
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		api().post("/api/projects", Api.json("name", name, "api_key", "sk-again"));
		api().post("/api/projects", Api.json("name", "", "api_key", "sk-nameless"));
		api().get("/api/projects/missing-" + name);

		List<JsonNode> failures = events("outcome=failure&from=" + before);

		assertThat(failures).hasSize(3);
		assertThat(failures.get(0).get("action").asString()).isEqualTo("project.get");
		assertThat(failures.get(0).get("project_id").asString()).isEqualTo("missing-" + name);
		assertThat(failures.get(0).get("reason").asString()).isEqualTo("No project has the id missing-" + name + ".");
		assertThat(failures.get(1).get("action").asString()).isEqualTo("project.create");
		assertThat(failures.get(1).get("reason").asString()).contains("name");
		assertThat(failures.get(2).get("reason").asString()).contains("exists already");
		assertThat(failures).allSatisfy((event) -> assertThat(event.toString()).doesNotContain("sk-"));
		assertThat(projectId).isNotNull();
	}

	@Test
	void eventsAreFilteredByActionOutcomeAndTime() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("filters")).get("id").asString();
		Instant between = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		fixtures().token(projectId, "{}");
		api().get("/api/projects/" + projectId);

		assertThat(actions(events("project_id=" + projectId + "&action=token.create"))).containsExactly("token.create");
		assertThat(actions(events("project_id=" + projectId + "&outcome=success"))).hasSize(3);
		assertThat(actions(events("project_id=" + projectId + "&outcome=denied"))).isEmpty();
		assertThat(actions(events("project_id=" + projectId + "&from=" + between))).containsExactly("project.get",
				"token.create");
		assertThat(actions(events("project_id=" + projectId + "&to=" + between))).containsExactly("project.create");
		assertThat(actions(events("project_id=" + projectId + "&from=" + between.plusSeconds(3600)))).isEmpty();
	}

	@Test
	void eventsArePagedWithTheTotal() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("paging")).get("id").asString();
		for (int i = 0; i < 4; i++) {
			api().get("/api/projects/" + projectId);
		}

		JsonNode first = api().get("/api/audit-events?project_id=" + projectId + "&size=2").json();
		JsonNode last = api().get("/api/audit-events?project_id=" + projectId + "&size=2&page=2").json();
		JsonNode beyond = api().get("/api/audit-events?project_id=" + projectId + "&size=2&page=3").json();

		assertThat(first.get("total").asLong()).isEqualTo(5);
		assertThat(first.get("page").asInt()).isZero();
		assertThat(first.get("size").asInt()).isEqualTo(2);
		assertThat(first.get("items").values()).hasSize(2);
		assertThat(actions(List.copyOf(last.get("items").values()))).containsExactly("project.create");
		assertThat(beyond.get("items").values()).isEmpty();
		assertThat(beyond.get("total").asLong()).isEqualTo(5);
	}

	@Test
	void readingTheLogIsNotItselfAudited() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		events("size=1");

		assertThat(events("from=" + before)).isEmpty();
	}

	@Test
	void invalidFiltersAreValidationProblems() {
		Map<String, String> invalid = Map.of("size=101", "size", "size=0", "size", "page=-1", "page", "outcome=maybe",
				"outcome");
		invalid.forEach((query, field) -> {
			Api.Response response = api().get("/api/audit-events?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		});
		for (String query : new String[] { "from=yesterday", "page=first" }) {
			Api.Response response = api().get("/api/audit-events?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void aTimeWithAnOffsetFiltersTheSameInstant() {
		String projectId = fixtures().project(ProxyFixtures.uniqueName("offset")).get("id").asString();
		Instant created = Instant.parse(events("project_id=" + projectId).get(0).get("timestamp").asString());
		String inParis = created.atOffset(java.time.ZoneOffset.ofHours(1)).toString().replace("+", "%2B");

		assertThat(events("project_id=" + projectId + "&from=" + inParis)).hasSize(1);
		assertThat(events("project_id=" + projectId + "&to=" + inParis)).isEmpty();
	}

}
