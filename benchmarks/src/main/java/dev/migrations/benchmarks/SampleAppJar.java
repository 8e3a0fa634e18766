package dev.migrations.benchmarks;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the sample application's executable jar for the startup workload. */
final class SampleAppJar {

	private SampleAppJar() {
	}

	/**
	 * The jar named, or, for the default relative path, the same path in the project that
	 * holds the benchmarks jar ({@code benchmarks/target/benchmarks.jar}), so that the
	 * command works from any directory.
	 * @param named the path given
	 * @return the jar's absolute path, or null when it does not exist
	 */
	static Path find(Path named) {
		if (Files.isRegularFile(named)) {
			return named.toAbsolutePath();
		}
		if (named.equals(Options.DEFAULT_SAMPLE_APP)) {
			try {
				Path jar = Path.of(SampleAppJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
