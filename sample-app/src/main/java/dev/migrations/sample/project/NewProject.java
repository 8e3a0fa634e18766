package dev.migrations.sample.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/projects}.
 *
 * @param name the project's name, unique
 * @param apiKey the upstream provider's API key the proxy forwards with; stored, never
 * shown
 */
public record NewProject(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 1000) String apiKey) {

	/** Leaves the key out, so that the request can be logged. */
	@Override
	public String toString() {
		return "NewProject[name=" + this.name + ", apiKey=***]";
	}

}
