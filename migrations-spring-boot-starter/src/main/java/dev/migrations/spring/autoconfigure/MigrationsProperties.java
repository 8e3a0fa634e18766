package dev.migrations.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.migrations.MigrationFormat;
import dev.migrations.Migrator;
import dev.migrations.OutOfOrderPolicy;
import dev.migrations.ValidationMode;

/**
 * Configuration of the migrations that run at startup, under {@code migrations.*}.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

	/** Whether to enable the migrations. */
	private boolean enabled = true;

	/**
	 * How the migrations run at startup: auto (while the context starts when beans need
	 * the schema then, otherwise as the first application runner), application-runner or
	 * initializer.
	 */
	private RunAs runAs = RunAs.AUTO;

	/**
	 * What to do at startup: apply pending migrations, only check that none is pending,
	 * or nothing.
	 */
	private OnStartup onStartup = OnStartup.MIGRATE;

	/**
	 * Locations of the migrations, classpath: or filesystem:. The {vendor} placeholder
	 * becomes the database as Spring Boot names it: postgresql, sqlite, mysql or mariadb.
	 */
	private List<String> locations = new ArrayList<>(List.of("classpath:db/migrations"));

	/**
	 * Format of the migration files: auto (decided per location from the file names),
	 * goose or golang-migrate.
	 */
	private MigrationFormat format = MigrationFormat.AUTO;

	/**
	 * Version table, optionally schema-qualified. Defaults to goose_db_version or
	 * schema_migrations by format.
	 */
	private String table;

	/** Our metadata table. Defaults to the version table's name with _meta appended. */
	private String metadataTable;

	/** Version to migrate up to at startup, or 'latest'. */
	private String target = "latest";

	/**
	 * What to do with pending migrations older than the current version: fail, apply or
	 * ignore.
	 */
	private OutOfOrderPolicy outOfOrder = OutOfOrderPolicy.FAIL;

	/**
	 * What to do before migrating when applied files changed or are gone: fail, warn or
	 * off.
	 */
	private ValidationMode validateOnMigrate = ValidationMode.FAIL;

	/**
	 * Whether to baseline a database that has tables but no version table, at
	 * baseline-version, on the first run.
	 */
	private boolean baselineOnMigrate;

	/** Version an existing schema matches, for baseline-on-migrate. */
	private Long baselineVersion;

	/**
	 * Whether to repair the history before migrating at startup, as 'migrate repair'
	 * does: record the current checksums of applied files that were edited on purpose and
	 * forget versions whose files are gone. For one start.
	 */
	private boolean repairOnMigrate;

	/**
	 * Version to set a dirty golang-migrate database to before migrating at startup,
	 * clearing the dirty flag, as 'migrate force V' does, once the schema has been
	 * repaired by hand: the failed version if it is now complete, or the one before it.
	 * Ignored, with a warning, when the database is not dirty. For one start.
	 */
	private Long forceVersion;

	/** How long to wait while another instance holds the migration lock. */
	private Duration lockTimeout = Migrator.DEFAULT_LOCK_TIMEOUT;

	/**
	 * How long a statement of a transactional migration waits for a lock another session
	 * holds on a table before the migration is rolled back and tried again (3 attempts);
	 * 0 waits as long as the database lets it. PostgreSQL.
	 */
	private Duration tableLockTimeout = Migrator.DEFAULT_TABLE_LOCK_TIMEOUT;

	/**
	 * How many times to try connecting again when the database cannot be reached at
	 * startup (it starts after the application, say), waiting 1 s, then twice as long
	 * each time up to connect-retries-interval.
	 */
	private int connectRetries;

	/** Longest wait between two connection attempts. */
	private Duration connectRetriesInterval = Migrator.DEFAULT_CONNECT_RETRIES_INTERVAL;

	/**
	 * Values of ${name} placeholders, replaced in files that carry '--
	 * migrations:placeholders'.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * JDBC URL of a separate connection for migrations, such as one with DDL privileges.
	 */
	private String url;

	/**
	 * Login user of the migration connection; with only this set, the application's URL
	 * is used.
	 */
	private String user;

	/** Login password of the migration connection. */
	private String password;

	private final Sqlite sqlite = new Sqlite();

	private final Web web = new Web();

	private final Endpoint endpoint = new Endpoint();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public RunAs getRunAs() {
		return this.runAs;
	}

	public void setRunAs(RunAs runAs) {
		this.runAs = runAs;
	}

	public OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public MigrationFormat getFormat() {
		return this.format;
	}

	public void setFormat(MigrationFormat format) {
		this.format = format;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public String getMetadataTable() {
		return this.metadataTable;
	}

	public void setMetadataTable(String metadataTable) {
		this.metadataTable = metadataTable;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public OutOfOrderPolicy getOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(OutOfOrderPolicy outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public ValidationMode getValidateOnMigrate() {
		return this.validateOnMigrate;
	}

	public void setValidateOnMigrate(ValidationMode validateOnMigrate) {
		this.validateOnMigrate = validateOnMigrate;
	}

	public boolean isBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public Long getBaselineVersion() {
		return this.baselineVersion;
	}

	public void setBaselineVersion(Long baselineVersion) {
		this.baselineVersion = baselineVersion;
	}

	public boolean isRepairOnMigrate() {
		return this.repairOnMigrate;
	}

	public void setRepairOnMigrate(boolean repairOnMigrate) {
		this.repairOnMigrate = repairOnMigrate;
	}

	public Long getForceVersion() {
		return this.forceVersion;
	}

	public void setForceVersion(Long forceVersion) {
		this.forceVersion = forceVersion;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getTableLockTimeout() {
		return this.tableLockTimeout;
	}

	public void setTableLockTimeout(Duration tableLockTimeout) {
		this.tableLockTimeout = tableLockTimeout;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Sqlite getSqlite() {
		return this.sqlite;
	}

	public Web getWeb() {
		return this.web;
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	/** How the migrations run at startup. */
	public enum RunAs {

		/**
		 * While the context starts when the application has beans that need the schema
		 * then (a JPA EntityManagerFactory, beans marked
		 * {@code @DependsOnDatabaseInitialization}) or when a bean asks for a connection
		 * while it starts; otherwise as the first application runner.
		 */
		AUTO,

		/**
		 * As the first application runner, after the context started: liveness passes,
		 * readiness waits.
		 */
		APPLICATION_RUNNER,

		/**
		 * While the context starts, before every bean that depends on database
		 * initialization.
		 */
		INITIALIZER

	}

	/** What happens at startup. */
	public enum OnStartup {

		/** Apply pending migrations. */
		MIGRATE,

		/**
		 * Apply nothing; fail startup if anything is pending, changed, missing or dirty.
		 */
		VALIDATE,

		/** Do nothing. */
		NONE

	}

	/** SQLite settings. */
	public static class Sqlite {

		private final Backup backup = new Backup();

		public Backup getBackup() {
			return this.backup;
		}

	}

	/** SQLite backups before migrating. */
	public static class Backup {

		/**
		 * Whether to back up a SQLite database before the first pending migration runs.
		 */
		private boolean enabled;

		/** Directory of the backups. Defaults to the database's own directory. */
		private Path directory;

		/** How many backups to keep. */
		private int keep = Migrator.DEFAULT_BACKUPS_KEPT;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

		public int getKeep() {
			return this.keep;
		}

		public void setKeep(int keep) {
			this.keep = keep;
		}

	}

	/** Web requests while the migrations run. */
	public static class Web {

		/**
		 * Whether HTTP requests that arrive before the startup migrations finish get 503
		 * Service Unavailable (actuator endpoints excepted), in application-runner mode.
		 */
		private boolean unavailableWhileMigrating = true;

		/** Retry-After sent with those 503 responses. */
		private Duration retryAfter = Duration.ofSeconds(5);

		public boolean isUnavailableWhileMigrating() {
			return this.unavailableWhileMigrating;
		}

		public void setUnavailableWhileMigrating(boolean unavailableWhileMigrating) {
			this.unavailableWhileMigrating = unavailableWhileMigrating;
		}

		public Duration getRetryAfter() {
			return this.retryAfter;
		}

		public void setRetryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

	}

	/** The migrations actuator endpoint. */
	public static class Endpoint {

		/**
		 * Whether the migrations endpoint offers a write operation that applies pending
		 * migrations (POST /actuator/migrations/{Migrator bean name}), which otherwise
		 * does not exist.
		 */
		private boolean migrateEnabled;

		public boolean isMigrateEnabled() {
			return this.migrateEnabled;
		}

		public void setMigrateEnabled(boolean migrateEnabled) {
			this.migrateEnabled = migrateEnabled;
		}

	}

}
