package dev.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrations.format.JavaMigrations;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.format.MigrationLoader;
import dev.migrations.dialect.TableName;
import dev.migrations.internal.Inspector;
import dev.migrations.internal.Maintenance;
import dev.migrations.internal.MigrationRunner;
import dev.migrations.internal.SchemaVerifier;
import dev.migrations.internal.Settings;
import dev.migrations.source.MigrationSource;
import dev.migrations.source.MigrationSources;

/**
 * The engine's entry point: applies and rolls back goose or golang-migrate migrations
 * against one database, keeping the Go tool's version table. Built by {@link #builder()},
 * which lists the locations and checks the file names (versions, duplicates, formats) up
 * front; a file's content is read and parsed when a command first needs it, by the
 * lexical rules of the database the command connected to, and every file a command will
 * run is parsed before its first statement. Thread-safe once built, and safe to run from
 * many processes at once (they take turns through a lock).
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder()
 *     .dataSource(dataSource)
 *     .locations("classpath:db/migrations")
 *     .build();
 * MigrateResult result = migrator.up();
 * }</pre>
 */
public final class Migrator {

	/** goose's version table. */
	public static final String GOOSE_TABLE = "goose_db_version";

	/** golang-migrate's version table. */
	public static final String GOLANG_MIGRATE_TABLE = "schema_migrations";

	/** How long a runner waits for another to finish, unless configured. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

	/**
	 * How long a statement of a transactional migration waits for a lock another session
	 * holds, unless configured: while it waits, every query on that table queues behind
	 * it, so the application stops answering on that table. Four seconds keeps such a
	 * stall shorter than common HTTP client and load balancer timeouts (5 s and up) and
	 * is far longer than an uncontended lock takes.
	 */
	public static final Duration DEFAULT_TABLE_LOCK_TIMEOUT = Duration.ofSeconds(4);

	/** The longest wait between two connection attempts, unless configured. */
	public static final Duration DEFAULT_CONNECT_RETRIES_INTERVAL = Duration.ofMinutes(2);

	/** How many SQLite backups are kept, unless configured. */
	public static final int DEFAULT_BACKUPS_KEPT = 5;

	private final Settings settings;

	private final MigrationRunner runner;

	private final Inspector inspector;

	private final Maintenance maintenance;

	private final MigratorConfiguration configuration;

	private Migrator(Settings settings, MigratorConfiguration configuration) {
		this.settings = settings;
		this.configuration = configuration;
		this.runner = new MigrationRunner(settings);
		this.inspector = new Inspector(settings);
		this.maintenance = new Maintenance(settings);
	}

	/** Starts configuring an engine. */
	public static Builder builder() {
		return new Builder();
	}

	/** Applies every pending migration. */
	public MigrateResult up() {
		return run(Operation.up());
	}

	/** Applies the next pending migration, if any. */
	public MigrateResult upByOne() {
		return run(Operation.upByOne());
	}

	/**
	 * Applies pending migrations up to and including a version.
	 * @param version the highest version to apply
	 * @return what ran
	 */
	public MigrateResult upTo(long version) {
		return run(Operation.upTo(version));
	}

	/** Rolls back the most recently applied migration. */
	public MigrateResult down() {
		return run(Operation.down());
	}

	/**
	 * Rolls back every applied migration above a version, most recent first;
	 * {@code downTo(0)} rolls back everything.
	 * @param version the version to end at
	 * @return what ran
	 */
	public MigrateResult downTo(long version) {
		return run(Operation.downTo(version));
	}

	/** Rolls back the most recently applied migration and applies it again. */
	public MigrateResult redo() {
		return run(Operation.redo());
	}

	/** Rolls back every applied migration. */
	public MigrateResult reset() {
		return run(Operation.reset());
	}

	/**
	 * Runs a command. Commands that apply migrations validate first (see
	 * {@link Builder#validation}); when nothing is pending they read the versions once
	 * and take no lock.
	 * @param operation the command
	 * @return what ran
	 */
	public MigrateResult run(Operation operation) {
		return this.runner.run(operation);
	}

	/**
	 * Proves that every Down section undoes its Up, for CI. Run it against a scratch
	 * database only: it applies every migration one at a time, rolls each back to version
	 * 0 comparing the schema after each Down with the schema before its Up (tables,
	 * columns, indexes, constraints, and the views, triggers, sequences, functions and
	 * types the database has), then applies everything again. Data is not compared.
	 * @return the verified versions
	 * @throws MigrationStateException when the database already has applied versions
	 * @throws IrreversibleMigrationException for the first migration, from the latest
	 * down, whose Down leaves the schema different; the database is left as that Down
	 * left it
	 * @throws MigrationFailedException when an Up or a Down fails
	 */
	public VerifyResult verify() {
		return new SchemaVerifier(this.settings).verify();
	}

	/**
	 * A dry run: what a command would run, with each statement as it would be sent,
	 * except that the values of secret-looking placeholders and ENVSUB variables read
	 * {@code ***}. Changes nothing, not even the version table.
	 * @param operation the command
	 * @return the plan
	 */
	public MigrationPlan plan(Operation operation) {
		return this.inspector.plan(operation);
	}

	/**
	 * Every migration's state: applied (when, how long), changed, pending, out of order,
	 * or missing.
	 */
	public StatusReport status() {
		return this.inspector.status();
	}

	/**
	 * The database's current version, and whether a golang-migrate table is dirty.
	 * Changes nothing.
	 */
	public DatabaseVersion version() {
		return this.inspector.version();
	}

	/**
	 * Lints the migrations that are pending on this PostgreSQL database: statements that
	 * take strong locks on tables that exist, rewrite or scan them, or break the running
	 * application (see {@link LintFinding}). Changes nothing; connects only to learn what
	 * is pending. On other databases there are no findings.
	 * @return the findings, in version and line order
	 */
	public List<LintFinding> lint() {
		return this.inspector.lint();
	}

	/**
	 * Compares the files with the database without changing anything: applied files that
	 * changed or are gone, pending versions older than the current one, files that do not
	 * parse, a dirty flag.
	 * @return what was found
	 */
	public ValidationReport validate() {
		return this.inspector.validate();
	}

	/**
	 * What can be checked without a database, for CI: every file parses in both
	 * directions.
	 */
	public ValidationReport validateFiles() {
		return this.inspector.validateFiles();
	}

	/**
	 * Marks every version up to {@code version} as applied without running it, on a
	 * database whose schema was made without migrations (it must have no version table).
	 * @param version the version the existing schema matches
	 * @return the version afterwards
	 */
	public DatabaseVersion baseline(long version) {
		return this.maintenance.baseline(version);
	}

	/**
	 * golang-migrate's recovery: sets the version and clears the dirty flag without
	 * running anything, once the schema has been repaired by hand.
	 * @param version the version the schema matches, or -1 for none
	 * @return the version afterwards
	 * @throws MigrationConfigurationException for goose files, whose table has no dirty
	 * flag
	 */
	public DatabaseVersion force(long version) {
		if (this.settings.catalog().format() != MigrationFormat.GOLANG_MIGRATE) {
			throw new MigrationConfigurationException("format", "force sets golang-migrate's version and dirty flag;"
					+ " this engine reads goose files, whose version table has no dirty flag.");
		}
		return this.maintenance.force(version);
	}

	/**
	 * After a deliberate edit of applied files: records their current checksums in our
	 * metadata table, records checksums for versions applied without one, and removes
	 * rows of versions that are gone. The Go tool's table is not touched.
	 * @return what changed
	 */
	public RepairResult repair() {
		return this.maintenance.repair();
	}

	/** The format of the migration files. */
	public MigrationFormat format() {
		return this.settings.catalog().format();
	}

	/**
	 * Cancels the migrations this migrator is running now, from any thread (an
	 * application shutting down, say): the statement running is cancelled through the
	 * driver and no further statement starts, so the migration fails as any failed
	 * migration does, with SQLState {@code 57014}: rolled back and not recorded when it
	 * runs in a transaction. Commands started afterwards run as usual.
	 */
	public void cancel() {
		this.runner.cancel();
	}

	/** What {@code up} does with pending versions below the current one. */
	public OutOfOrderPolicy outOfOrder() {
		return this.settings.outOfOrder();
	}

	/** The options this engine was built with, defaults filled in. */
	public MigratorConfiguration configuration() {
		return this.configuration;
	}

	/** The version table. */
	public String table() {
		return this.settings.table().toString();
	}

	/** Our metadata table. */
	public String metadataTable() {
		return this.settings.metadataTable().toString();
	}

	/** The versions and file names of every migration found, in version order. */
	public Map<Long, String> migrations() {
		return MigrationFileSet.names(this.settings.catalog());
	}

	/**
	 * Configures and builds a {@link Migrator}, checking every option and every migration
	 * file name.
	 */
	public static final class Builder {

		private DataSource dataSource;

		private final List<String> locations = new ArrayList<>();

		private final List<MigrationSource> sources = new ArrayList<>();

		private MigrationFormat format = MigrationFormat.AUTO;

		private String table;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private Duration tableLockTimeout = DEFAULT_TABLE_LOCK_TIMEOUT;

		private OutOfOrderPolicy outOfOrder = OutOfOrderPolicy.FAIL;

		private Map<String, String> environment;

		private ClassLoader classLoader;

		private final List<MigrationListener> listeners = new ArrayList<>();

		private String metadataTable;

		private ValidationMode validation = ValidationMode.FAIL;

		private boolean baselineOnMigrate;

		private Long baselineVersion;

		private boolean backup;

		private Path backupDirectory;

		private int backupKeep = DEFAULT_BACKUPS_KEPT;

		private Map<String, String> placeholders = Map.of();

		private int connectRetries;

		private final List<JavaMigration> javaMigrations = new ArrayList<>();

		private Duration connectRetriesInterval = DEFAULT_CONNECT_RETRIES_INTERVAL;

		private Builder() {
		}

		/**
		 * The database to migrate. Required.
		 * @param dataSource the data source
		 * @return this builder
		 */
		public Builder dataSource(DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		/**
		 * Where the migrations are: {@code classpath:db/migrations},
		 * {@code filesystem:db/migrations}, or a path. Each location is read in its own
		 * format.
		 * @param locations the locations
		 * @return this builder
		 */
		public Builder locations(String... locations) {
			this.locations.addAll(List.of(locations));
			return this;
		}

		/**
		 * Adds sources of migration files found by other means, such as Spring's resource
		 * resolver.
		 * @param sources the sources
		 * @return this builder
		 */
		public Builder sources(MigrationSource... sources) {
			this.sources.addAll(List.of(sources));
			return this;
		}

		/**
		 * The file format, {@link MigrationFormat#AUTO} (the default) to decide per
		 * location from the file names.
		 * @param format the format
		 * @return this builder
		 */
		public Builder format(MigrationFormat format) {
			this.format = Objects.requireNonNull(format, "format");
			return this;
		}

		/**
		 * The version table, optionally schema-qualified; defaults to
		 * {@value #GOOSE_TABLE} for goose files and {@value #GOLANG_MIGRATE_TABLE} for
		 * golang-migrate files.
		 * @param table the table
		 * @return this builder
		 */
		public Builder table(String table) {
			this.table = table;
			return this;
		}

		/**
		 * How long to wait while another runner holds the migration lock before failing;
		 * defaults to 10 minutes.
		 * @param lockTimeout the timeout
		 * @return this builder
		 */
		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		/**
		 * How long a statement of a transactional migration waits for a lock another
		 * session holds on a table or row (PostgreSQL's {@code lock_timeout}, on the
		 * migration's own session while its transactional migrations run, the session's
		 * own setting restored afterwards); defaults to 4 seconds. When it gives up, the
		 * migration is rolled back and tried again after 1 and then 2 seconds, 3 attempts
		 * in all, each logged with the session holding the lock; the last failure names
		 * it. Zero waits as long as the database lets it. A statement of a file that runs
		 * outside a transaction gets the bound in a transaction of its own, without a
		 * retry; one that cannot run in a transaction keeps the session's own setting. A
		 * file may set its own bound ({@code -- migrations:table-lock-timeout <ms>}). On
		 * MySQL the bound is {@code lock_wait_timeout} and
		 * {@code innodb_lock_wait_timeout} in whole seconds, put back afterwards, and a
		 * migration is tried again only while nothing of it has committed on its own. On
		 * SQLite it is {@code busy_timeout}, put back afterwards, and SQLite cannot name
		 * the holder.
		 * @param tableLockTimeout the timeout, or zero for none
		 * @return this builder
		 */
		public Builder tableLockTimeout(Duration tableLockTimeout) {
			this.tableLockTimeout = tableLockTimeout;
			return this;
		}

		/**
		 * Migrations written in Java, run in version order with the files of the
		 * locations (which decide the format), under the same transaction rules and
		 * recorded in the same tables. A version may not be taken by a file and a Java
		 * migration both.
		 * @param javaMigrations the migrations
		 * @return this builder
		 */
		public Builder javaMigrations(JavaMigration... javaMigrations) {
			for (JavaMigration migration : javaMigrations) {
				this.javaMigrations.add(Objects.requireNonNull(migration, "javaMigration"));
			}
			return this;
		}

		/**
		 * How many times to try connecting again when the database cannot be reached (it
		 * starts after the application, say), before a command fails; defaults to 0. Each
		 * wait is twice the one before, from 1 s up to
		 * {@link #connectRetriesInterval(Duration)}.
		 * @param connectRetries how many more tries
		 * @return this builder
		 */
		public Builder connectRetries(int connectRetries) {
			this.connectRetries = connectRetries;
			return this;
		}

		/**
		 * The longest wait between two connection attempts; defaults to 2 minutes.
		 * @param connectRetriesInterval the longest wait
		 * @return this builder
		 */
		public Builder connectRetriesInterval(Duration connectRetriesInterval) {
			this.connectRetriesInterval = connectRetriesInterval;
			return this;
		}

		/**
		 * What {@code up} does with pending versions below the highest applied one;
		 * defaults to {@link OutOfOrderPolicy#FAIL}.
		 * @param outOfOrder the policy
		 * @return this builder
		 */
		public Builder outOfOrder(OutOfOrderPolicy outOfOrder) {
			this.outOfOrder = Objects.requireNonNull(outOfOrder, "outOfOrder");
			return this;
		}

		/**
		 * The variables goose's {@code ENVSUB ON} expands; defaults to the process
		 * environment. Values a file expands from variables whose names look secret are
		 * masked wherever statements are shown, as for placeholders.
		 * @param environment the variables
		 * @return this builder
		 */
		public Builder environment(Map<String, String> environment) {
			this.environment = Map.copyOf(environment);
			return this;
		}

		/**
		 * Values for {@code ${name}} placeholders. Only files that ask with a line
		 * {@code -- migrations:placeholders} get them replaced; in such a file an
		 * undefined placeholder is an error. None by default. Values of placeholders
		 * whose names look secret (password, secret, token, key, credential) are sent as
		 * they are and shown nowhere: logs, dry runs, listeners and failure messages read
		 * {@code ***} instead.
		 * @param placeholders the values by name
		 * @return this builder
		 */
		public Builder placeholders(Map<String, String> placeholders) {
			this.placeholders = Map.copyOf(placeholders);
			return this;
		}

		/**
		 * The class loader for {@code classpath:} locations; defaults to the thread's
		 * context class loader.
		 * @param classLoader the class loader
		 * @return this builder
		 */
		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		/**
		 * Our metadata table (checksums, execution times, who applied what); defaults to
		 * the version table's name with {@code _meta} appended, in the same schema.
		 * @param metadataTable the table
		 * @return this builder
		 */
		public Builder metadataTable(String metadataTable) {
			this.metadataTable = metadataTable;
			return this;
		}

		/**
		 * What {@code up} does when applied files changed or are gone; defaults to
		 * {@link ValidationMode#FAIL}.
		 * @param validation the mode
		 * @return this builder
		 */
		public Builder validation(ValidationMode validation) {
			this.validation = Objects.requireNonNull(validation, "validation");
			return this;
		}

		/**
		 * Whether the first {@code up} on a database that has tables but no version table
		 * marks the versions up to {@link #baselineVersion} as applied and continues;
		 * without it, such a database is refused.
		 * @param baselineOnMigrate whether to baseline
		 * @return this builder
		 */
		public Builder baselineOnMigrate(boolean baselineOnMigrate) {
			this.baselineOnMigrate = baselineOnMigrate;
			return this;
		}

		/**
		 * The version an existing schema matches, for {@link #baselineOnMigrate}.
		 * @param baselineVersion the version
		 * @return this builder
		 */
		public Builder baselineVersion(long baselineVersion) {
			this.baselineVersion = baselineVersion;
			return this;
		}

		/**
		 * Whether to back up a SQLite database ({@code VACUUM INTO} a timestamped file)
		 * before the first pending migration runs; off by default.
		 * @param backup whether to back up
		 * @return this builder
		 */
		public Builder backup(boolean backup) {
			this.backup = backup;
			return this;
		}

		/**
		 * Where SQLite backups go; defaults to the database's own directory.
		 * @param backupDirectory the directory
		 * @return this builder
		 */
		public Builder backupDirectory(Path backupDirectory) {
			this.backupDirectory = backupDirectory;
			return this;
		}

		/**
		 * How many SQLite backups to keep; older ones are removed. Defaults to 5.
		 * @param backupKeep how many
		 * @return this builder
		 */
		public Builder backupKeep(int backupKeep) {
			this.backupKeep = backupKeep;
			return this;
		}

		/**
		 * Adds a listener that hears about each migration and each command; listeners
		 * hear in the order they were added, and one that throws cannot keep the others
		 * from hearing.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(MigrationListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Checks the options, lists every location and checks the file names, and builds
		 * the engine. Connects to nothing. Files are read when a command first needs
		 * them: validation reads the applied ones for their checksums, and a command
		 * parses every migration it will run before it runs the first statement.
		 * @return the engine
		 * @throws MigrationConfigurationException for a missing, invalid or conflicting
		 * option
		 * @throws MigrationSourceException for a missing or empty location, duplicate
		 * versions, mixed formats or a badly named file
		 */
		public Migrator build() {
			if (this.dataSource == null) {
				throw new MigrationConfigurationException("dataSource",
						"No DataSource configured: pass the database to migrate with dataSource(...).");
			}
			requireLocations();
			if (this.lockTimeout == null || this.lockTimeout.isNegative()) {
				throw new MigrationConfigurationException("lockTimeout",
						"lockTimeout must be zero or positive, not " + this.lockTimeout + ".");
			}
			if (this.tableLockTimeout == null || this.tableLockTimeout.isNegative()) {
				throw new MigrationConfigurationException("tableLockTimeout",
						"tableLockTimeout must be zero or positive, not " + this.tableLockTimeout + ".");
			}
			if (this.connectRetries < 0) {
				throw new MigrationConfigurationException("connectRetries",
						"connectRetries must be zero or positive, not " + this.connectRetries + ".");
			}
			if (this.connectRetriesInterval == null || this.connectRetriesInterval.isNegative()
					|| this.connectRetriesInterval.isZero()) {
				throw new MigrationConfigurationException("connectRetriesInterval",
						"connectRetriesInterval must be positive, not " + this.connectRetriesInterval + ".");
			}
			if (this.backupKeep < 1) {
				throw new MigrationConfigurationException("backupKeep",
						"backupKeep must keep at least one backup, not " + this.backupKeep + ".");
			}
			if (this.baselineOnMigrate && this.baselineVersion == null) {
				throw new MigrationConfigurationException("baselineVersion",
						"baselineOnMigrate needs baselineVersion:" + " name the version the existing schema matches.");
			}
			refuseNul("placeholders", "placeholder", this.placeholders);
			refuseNul("environment", "variable", environment());
			TableName requestedTable = (this.table != null) ? TableName.parse(this.table) : null;
			TableName requestedMetadata = (this.metadataTable != null)
					? TableName.parse(this.metadataTable, "metadataTable", "metadata table") : null;
			MigrationCatalog catalog = catalog();
			TableName table = (requestedTable != null) ? requestedTable : TableName
				.parse((catalog.format() == MigrationFormat.GOLANG_MIGRATE) ? GOLANG_MIGRATE_TABLE : GOOSE_TABLE);
			TableName metadata = (requestedMetadata != null) ? requestedMetadata
					: table.withName(table.name() + "_meta");
			if (metadata.equals(table)) {
				throw new MigrationConfigurationException("metadataTable",
						"metadataTable must differ from the version table " + table + ".");
			}
			Settings settings = new Settings(this.dataSource, catalog, table, metadata, this.lockTimeout,
					this.outOfOrder, this.validation, this.baselineOnMigrate ? this.baselineVersion : null,
					this.backup ? new Settings.Backup(this.backupDirectory, this.backupKeep) : null,
					new Settings.ConnectRetries(this.connectRetries, this.connectRetriesInterval),
					this.tableLockTimeout.isZero() ? null : this.tableLockTimeout, this.listeners);
			return new Migrator(settings,
					new MigratorConfiguration(this.format, table.toString(), metadata.toString(), this.lockTimeout,
							this.tableLockTimeout, this.connectRetries, this.connectRetriesInterval, this.outOfOrder,
							this.validation, this.baselineOnMigrate, this.baselineVersion, this.backup,
							this.backupDirectory, this.backupKeep));
		}

		/**
		 * Lists the locations and checks the file names, as {@link #build()} does, for
		 * the commands that work on files alone ({@code validate --offline}): needs no
		 * {@link #dataSource(DataSource) dataSource} and connects to nothing. Only the
		 * options that say how files are read apply: locations, sources, format,
		 * placeholders, environment, Java migrations and the class loader.
		 * @return the files
		 * @throws MigrationConfigurationException for a missing location or a NUL in a
		 * substituted value
		 * @throws MigrationSourceException for a missing or empty location, duplicate
		 * versions, mixed formats or a badly named file
		 */
		public MigrationFileSet buildFiles() {
			requireLocations();
			refuseNul("placeholders", "placeholder", this.placeholders);
			refuseNul("environment", "variable", environment());
			return new MigrationFileSet(catalog());
		}

		private void requireLocations() {
			if (this.locations.isEmpty() && this.sources.isEmpty()) {
				throw new MigrationConfigurationException("locations",
						"No migrations location configured: name one with locations(...) or sources(...).");
			}
		}

		private MigrationCatalog catalog() {
			return JavaMigrations.add(
					new MigrationLoader(this.format, environment(), this.placeholders).load(allSources()),
					this.javaMigrations);
		}

		/**
		 * A NUL in a substituted value would end the statement for SQLite, which drops
		 * what follows unseen.
		 */
		private static void refuseNul(String option, String what, Map<String, String> values) {
			for (Map.Entry<String, String> entry : values.entrySet()) {
				String value = entry.getValue();
				if (value != null && value.indexOf('\u0000') >= 0) {
					throw new MigrationConfigurationException(option, "The value of " + what + " " + entry.getKey()
							+ " holds a NUL character, which SQLite would take as the end of the statement; remove it.");
				}
			}
		}

		private Map<String, String> environment() {
			return (this.environment != null) ? this.environment : System.getenv();
		}

		private List<MigrationSource> allSources() {
			ClassLoader loader = (this.classLoader != null) ? this.classLoader
					: Thread.currentThread().getContextClassLoader();
			List<MigrationSource> all = new ArrayList<>();
			for (String location : this.locations) {
				all.add(MigrationSources.location(location, loader));
			}
			all.addAll(this.sources);
			return all;
		}

	}

}
