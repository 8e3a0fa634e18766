package dev.migrations.benchmarks;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's other jars: the sample application's and {@code migrate.jar}. */
final class ProjectJar {

	private ProjectJar() {
	}

	/**
	 * The jar named, or, for its default relative path, the same path in the project that
	 * holds the benchmarks jar ({@code benchmarks/target/benchmarks.jar}), so that the
	 * command works from any directory.
	 * @param named the path given
	 * @param defaultPath the path used when none is given
	 * @return the jar's absolute path, or null when it does not exist
	 */
	static Path find(Path named, Path defaultPath) {
		if (Files.isRegularFile(named)) {
			return named.toAbsolutePath();
		}
		if (named.equals(defaultPath)) {
			try {
				Path jar = Path.of(ProjectJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
				Path project = jar.toAbsolutePath().getParent().getParent().getParent();
				Path candidate = project.resolve(named);
				if (Files.isRegularFile(candidate)) {
					return candidate;
				}
			}
			catch (URISyntaxException | NullPointerException ex) {
				return null;
			}
		}
		return null;
	}

}
