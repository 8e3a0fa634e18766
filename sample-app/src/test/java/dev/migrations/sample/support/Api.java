package dev.migrations.sample.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON client of the running application, over real HTTP. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param contentType its {@code Content-Type}, or {@code ""}
	 * @param headers every header
	 * @param text the body as text
	 */
	public record Response(int status, String contentType, Map<String, java.util.List<String>> headers, String text) {

		/** The body as JSON. */
		public JsonNode json() {
			return JSON.readTree(this.text);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public Response get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		headers.forEach(request::header);
		return send(request);
	}

	/** POSTs a JSON body, or none when {@code json} is {@code null}. */
	public Response post(String path, String json) {
		return post(path, json, Map.of());
	}

	public Response post(String path, String json, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (json != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		headers.forEach(request::header);
		return send(request);
	}

	/**
	 * A JSON object from alternating names and values; values are quoted unless numbers,
	 * booleans or null.
	 */
	public static String json(Object... namesAndValues) {
		Map<String, Object> object = new java.util.LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return JSON.writeValueAsString(object);
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
