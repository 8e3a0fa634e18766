package dev.migrations.spring.actuate;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import dev.migrations.MigrateResult;
import dev.migrations.MigrationResult;
import dev.migrations.Migrator;

/**
 * The {@code migrations} endpoint with a write operation that applies every pending
 * migration of one migrator ({@code POST /actuator/migrations/{name}}). A class of its
 * own, rather than a flag checked on each call, so that without
 * {@code migrations.endpoint.migrate-enabled} the operation does not exist: it is neither
 * mapped nor listed.
 */
@Endpoint(id = "migrations")
public final class WritableMigrationsEndpoint extends MigrationsEndpoint {

	/**
	 * Creates the endpoint.
	 * @param migrators the migrators, by bean name
	 */
	public WritableMigrationsEndpoint(Map<String, Migrator> migrators) {
		super(migrators);
	}

	/**
	 * Applies every pending migration of one migrator.
	 * @param name the migrator's bean name
	 * @return what ran
	 */
	@WriteOperation
	public MigrateDescriptor migrate(@Selector String name) {
		Migrator migrator = migrator(name);
		if (migrator == null) {
			throw new InvalidEndpointRequestException("No migrator named '" + name + "'; there are " + names(),
					"No migrator named '" + name + "'");
		}
		return MigrateDescriptor.of(migrator.up());
	}

	/**
	 * What one {@code up} ran.
	 *
	 * @param initialVersion the version before
	 * @param finalVersion the version after
	 * @param duration how long it took in milliseconds, locking included
	 * @param migrations the migrations that ran, in order
	 */
	public record MigrateDescriptor(long initialVersion, long finalVersion, long duration,
			List<MigrationResultDescriptor> migrations) implements OperationResponseBody {

		static MigrateDescriptor of(MigrateResult result) {
			return new MigrateDescriptor(result.initialVersion(), result.finalVersion(), result.duration().toMillis(),
					result.migrations().stream().map(MigrationResultDescriptor::of).toList());
		}

	}

	/**
	 * One migration that ran.
	 *
	 * @param version the version
	 * @param file the file name
	 * @param direction {@code up} or {@code down}
	 * @param duration how long it took in milliseconds
	 * @param statements how many statements it executed
	 */
	public record MigrationResultDescriptor(long version, String file, String direction, long duration,
			int statements) {

		static MigrationResultDescriptor of(MigrationResult result) {
			return new MigrationResultDescriptor(result.version(), result.file(), result.direction().label(),
					result.duration().toMillis(), result.statements());
		}

	}

}
