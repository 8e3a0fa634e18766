package dev.migrations.sample.support;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating what a test needs through the API, with names no other test uses. */
public final class ProxyFixtures {

	private final Api api;

	public ProxyFixtures(Api api) {
		this.api = api;
	}

	/** A unique project name. */
	public static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A new project; its API key is {@code sk-<name>-secret}. */
	public JsonNode project(String name) {
		Api.Response response = this.api.post("/api/projects", Api.json("name", name, "api_key", apiKeyOf(name)));
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	public static String apiKeyOf(String name) {
		return "sk-" + name + "-secret";
	}

	/** A new token of a project, as its creation answered (with the secret). */
	public JsonNode token(String projectId, String body) {
		Api.Response response = this.api.post("/api/projects/" + projectId + "/tokens", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		return response.json();
	}

	/** Checks a token secret. */
	public Api.Response check(String secret) {
		return this.api.post("/v1/tokens/check", Api.json("token", secret));
	}

}
