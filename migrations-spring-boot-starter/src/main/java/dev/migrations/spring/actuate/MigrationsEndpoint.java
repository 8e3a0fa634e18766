package dev.migrations.spring.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.Migrator;
import dev.migrations.StatusReport;

/**
 * The {@code migrations} actuator endpoint: the status of every migration, per
 * {@link Migrator} bean. It reads and never writes; {@link WritableMigrationsEndpoint}
 * adds an operation that applies pending migrations.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final Map<String, Migrator> migrators;

	/**
	 * Creates the endpoint.
	 * @param migrators the migrators, by bean name
	 */
	public MigrationsEndpoint(Map<String, Migrator> migrators) {
		this.migrators = Map.copyOf(migrators);
	}

	/** The status of every migration, per migrator. */
	@ReadOperation
	public MigratorsDescriptor migrations() {
		Map<String, MigratorDescriptor> descriptors = new LinkedHashMap<>();
		this.migrators.keySet()
			.stream()
			.sorted()
			.forEach((name) -> descriptors.put(name, MigratorDescriptor.of(this.migrators.get(name).status())));
		return new MigratorsDescriptor(descriptors);
	}

	/**
	 * The migrator with a bean name, for the operations that address one.
	 * @param name the bean name
	 * @return the migrator, or {@code null}
	 */
	protected final Migrator migrator(String name) {
		return this.migrators.get(name);
	}

	/** The bean names of the migrators, sorted. */
	protected final List<String> names() {
		return this.migrators.keySet().stream().sorted().toList();
	}

	/**
	 * The migrators of the application.
	 *
	 * @param migrators the status of each migrator, by bean name
	 */
	public record MigratorsDescriptor(Map<String, MigratorDescriptor> migrators) implements OperationResponseBody {

	}

	/**
	 * Where one database stands.
	 *
	 * @param version the current version (the failed one when dirty)
	 * @param dirty whether a golang-migrate table is marked dirty
	 * @param pending how many migrations are not applied, out-of-order ones included
	 * @param migrations every migration, in version order
	 */
	public record MigratorDescriptor(long version, boolean dirty, int pending, List<MigrationDescriptor> migrations) {

		static MigratorDescriptor of(StatusReport report) {
			return new MigratorDescriptor(report.version(), report.dirty(), PendingMigrations.count(report),
					report.migrations().stream().map(MigrationDescriptor::of).toList());
		}

	}

	/**
	 * One migration.
	 *
	 * @param version the version
	 * @param file the file name, or {@code null} when the version is applied but its file
	 * is gone
	 * @param state {@code applied}, {@code checksum_mismatch}, {@code pending},
	 * {@code out_of_order} or {@code missing}
	 * @param appliedAt when it was applied, when known
	 * @param executionTime how long it took in milliseconds, when recorded
	 * @param checksum for an applied version: {@code verified} (a recorded checksum
	 * matches the file), {@code mismatch} (the file changed since), or {@code unverified}
	 * (no checksum recorded); {@code null} when not applied
	 */
	public record MigrationDescriptor(long version, String file, String state, Instant appliedAt, Long executionTime,
			String checksum) {

		static MigrationDescriptor of(MigrationStatus status) {
			Duration executionTime = status.executionTime();
			return new MigrationDescriptor(status.version(), status.file(), status.state().label(), status.appliedAt(),
					(executionTime != null) ? executionTime.toMillis() : null, checksum(status));
		}

		private static String checksum(MigrationStatus status) {
			if (status.state() == MigrationState.CHECKSUM_MISMATCH) {
				return "mismatch";
			}
			if (!status.state().isApplied()) {
				return null;
			}
			return status.verified() ? "verified" : "unverified";
		}

	}

}
