package dev.migrations.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.migrations.MigrationException;
import dev.migrations.source.MigrationResource;

/**
 * One malformed or hostile input from {@link HostileInputs}: the files (and, where it
 * matters, what the database holds first), and the answer the engine owes: refused with a
 * typed exception that names the file and line, or working with a known result. Shared by
 * the engine's tests and the command line's.
 */
public final class HostileInput {

	/** When the engine refuses the input. */
	public enum Stage {

		/** While the engine is built, before anything connects to the database. */
		BUILD,

		/** When a command runs, before it changes anything. */
		RUN

	}

	private final String name;

	private Stage stage = Stage.RUN;

	private String command = "up";

	private Class<? extends MigrationException> refusal;

	private final List<String> files = new ArrayList<>();

	private int line = -1;

	private final List<String> mentions = new ArrayList<>();

	private Map<String, String> environment = Map.of();

	private Map<String, String> placeholders = Map.of();

	private Consumer<MigrationDir> writer = (dir) -> {
	};

	private String location;

	private List<MigrationResource> resources;

	private Function<String, List<String>> before = (vendor) -> List.of();

	private String table;

	private String metadataTable;

	private long finalVersion;

	private Consumer<TestDatabase> check = (database) -> {
	};

	private boolean heavy;

	/**
	 * The vendor whose lexical rules make the input what it is, or {@code null} when it
	 * is the same everywhere.
	 */
	private String onlyOn;

	private String exceptOn;

	private boolean leavesVersionTables;

	private boolean namesLocation;

	HostileInput(String name) {
		this.name = name;
	}

	HostileInput refusedWith(Class<? extends MigrationException> type, Stage stage) {
		this.refusal = type;
		this.stage = stage;
		return this;
	}

	/**
	 * The files (relative to the directory) the message must name, and for a parse error
	 * the line, 0 for none.
	 */
	HostileInput naming(String file, int line) {
		this.files.add(file);
		this.line = line;
		return this;
	}

	HostileInput naming(String... files) {
		this.files.addAll(List.of(files));
		return this;
	}

	HostileInput namingTheLocation() {
		this.namesLocation = true;
		return this;
	}

	/**
	 * The input is what it is only under one database's lexical rules ({@code sqlite},
	 * {@code postgresql}).
	 */
	HostileInput onlyOn(String vendor) {
		this.onlyOn = vendor;
		return this;
	}

	/**
	 * The input means something else on one database: double quotes make a string on
	 * MySQL, and DDL there commits on its own, so a rejected statement leaves the ones
	 * before it ({@code MariaDbEngineTests} has MySQL's cases).
	 */
	HostileInput exceptOn(String vendor) {
		this.exceptOn = vendor;
		return this;
	}

	HostileInput mentioning(String... fragments) {
		this.mentions.addAll(List.of(fragments));
		return this;
	}

	HostileInput files(Consumer<MigrationDir> writer) {
		this.writer = writer;
		return this;
	}

	HostileInput location(String relative) {
		this.location = relative;
		return this;
	}

	HostileInput resources(List<MigrationResource> resources) {
		this.resources = List.copyOf(resources);
		return this;
	}

	HostileInput databaseHolds(String... statements) {
		return databaseHolds((vendor) -> List.of(statements));
	}

	/**
	 * What the database holds first, in SQL for its vendor ({@code sqlite},
	 * {@code postgresql}).
	 */
	HostileInput databaseHolds(Function<String, List<String>> statements) {
		this.before = statements;
		return this;
	}

	HostileInput command(String command) {
		this.command = command;
		return this;
	}

	HostileInput environment(Map<String, String> environment) {
		this.environment = Map.copyOf(environment);
		return this;
	}

	HostileInput placeholders(Map<String, String> placeholders) {
		this.placeholders = Map.copyOf(placeholders);
		return this;
	}

	HostileInput table(String table) {
		this.table = table;
		return this;
	}

	HostileInput metadataTable(String metadataTable) {
		this.metadataTable = metadataTable;
		return this;
	}

	HostileInput works(long finalVersion, Consumer<TestDatabase> check) {
		this.refusal = null;
		this.finalVersion = finalVersion;
		this.check = check;
		return this;
	}

	HostileInput heavy() {
		this.heavy = true;
		return this;
	}

	/**
	 * A migration that fails in the database: the version tables are created first, and
	 * stay, without a row.
	 */
	HostileInput leavesVersionTables() {
		this.leavesVersionTables = true;
		return this;
	}

	/** Writes the input's files into a directory. */
	public void writeFiles(MigrationDir dir) {
		this.writer.accept(dir);
	}

	/** Prepares the database as the input needs it. */
	public void prepare(TestDatabase database) {
		List<String> statements = this.before.apply(database.vendor());
		if (!statements.isEmpty()) {
			database.execute(statements.toArray(String[]::new));
		}
	}

	/** The location to configure for a directory the files were written to. */
	public String location(MigrationDir dir) {
		return (this.location != null) ? dir.path().resolve(this.location).toString() : dir.location();
	}

	/** The migrations as named resources instead of a directory, or {@code null}. */
	public List<MigrationResource> resources() {
		return this.resources;
	}

	/** The full paths of the files the refusal must name. */
	public List<String> files(Path directory) {
		return this.files.stream().map((file) -> directory.resolve(file).toString()).toList();
	}

	public String name() {
		return this.name;
	}

	public Stage stage() {
		return this.stage;
	}

	/** {@code up} or {@code down}. */
	public String command() {
		return this.command;
	}

	/** The exception type of the refusal, or {@code null} when the input must work. */
	public Class<? extends MigrationException> refusal() {
		return this.refusal;
	}

	public boolean isRefused() {
		return this.refusal != null;
	}

	/**
	 * The line a parse error names: 0 for the whole file, -1 when the refusal is not
	 * about a line.
	 */
	public int line() {
		return this.line;
	}

	/** Whether the refusal's message must name the configured location. */
	public boolean namesLocation() {
		return this.namesLocation;
	}

	/** Text the refusal's message must hold besides the files. */
	public List<String> mentions() {
		return List.copyOf(this.mentions);
	}

	public Map<String, String> environment() {
		return this.environment;
	}

	public Map<String, String> placeholders() {
		return this.placeholders;
	}

	/** The version table to configure, or {@code null} for the default. */
	public String table() {
		return this.table;
	}

	/** The metadata table to configure, or {@code null} for the default. */
	public String metadataTable() {
		return this.metadataTable;
	}

	/** The version a working input leaves the database at. */
	public long finalVersion() {
		return this.finalVersion;
	}

	/** Checks what a working input left in the database. */
	public void check(TestDatabase database) {
		this.check.accept(database);
	}

	/**
	 * Whether the input applies to a database ({@code sqlite}, {@code postgresql},
	 * {@code mariadb}).
	 */
	public boolean runsOn(String vendor) {
		return (this.onlyOn == null || this.onlyOn.equals(vendor)) && !vendor.equals(this.exceptOn);
	}

	/**
	 * Whether the input is too big to run more than once per build (it runs on SQLite
	 * only).
	 */
	public boolean isHeavy() {
		return this.heavy;
	}

	/**
	 * Whether the refusal comes after the version tables were created (a statement the
	 * database rejects).
	 */
	public boolean leavesVersionTablesBehind() {
		return this.leavesVersionTables;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
