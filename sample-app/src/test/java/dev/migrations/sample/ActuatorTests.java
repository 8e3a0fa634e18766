package dev.migrations.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.migrations.sample.support.Api;
import dev.migrations.sample.support.SqliteApplicationTests;

import static org.assertj.core.api.Assertions.assertThat;

class ActuatorTests extends SqliteApplicationTests {

	@Test
	void healthIsUpWithTheDatabase() {
		Api.Response response = api().get("/actuator/health");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("UP");
		assertThat(response.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void probesAreExposed() {
		assertThat(api().get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
		assertThat(api().get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void onlyHealthAndMigrationsAreExposed() {
		assertThat(api().get("/actuator/env").status()).isEqualTo(404);
		assertThat(api().get("/actuator/beans").status()).isEqualTo(404);
		assertThat(api().get("/actuator").json().get("_links").propertyNames()).doesNotContain("env", "beans",
				"configprops");
	}

	/** Needs the starter's migrations endpoint ({@code @Endpoint(id = "migrations")}). */
	@Test
	void theMigrationsEndpointShowsThisApplicationsVersions() {
		Api.Response response = api().get("/actuator/migrations", Map.of("Accept", "application/json"));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<String> versions = new ArrayList<>();
		collectVersions(response.json(), versions);
		assertThat(versions).contains("1", "2", "3", "4", "5", "6", "7");
	}

	private static void collectVersions(JsonNode node, List<String> versions) {
		node.properties().forEach((property) -> {
			if (property.getKey().equals("version") && property.getValue().isValueNode()) {
				String version = property.getValue().asString();
				versions.add(version.matches("\\d+") ? Long.toString(Long.parseLong(version)) : version);
			}
			collectVersions(property.getValue(), versions);
		});
		if (node.isArray()) {
			node.values().forEach((element) -> collectVersions(element, versions));
		}
	}

}
