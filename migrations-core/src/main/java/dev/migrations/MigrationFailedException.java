package dev.migrations;

import java.util.List;

/**
 * A statement of a migration failed. The failed migration left nothing behind when it ran
 * in a transaction; the migrations in {@link #applied()} were completed and committed
 * before it.
 */
public final class MigrationFailedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final transient List<MigrationResult> applied;

	private final long version;

	private final String file;

	private final Direction direction;

	private final int statement;

	private final int line;

	private final String sqlState;

	private final int errorCode;

	private final String databaseMessage;

	private final boolean transactional;

	private final boolean markedDirty;

	private final int committedStatements;

	/**
	 * Creates the exception for one failure.
	 * @param failure the facts of the failure
	 * @param applied the migrations completed by this run before it
	 * @param cause the driver's exception
	 */
	public MigrationFailedException(Failure failure, List<MigrationResult> applied, Throwable cause) {
		super(failure.describe(applied), cause);
		this.applied = List.copyOf(applied);
		this.version = failure.version();
		this.file = failure.file();
		this.direction = failure.direction();
		this.statement = failure.statement();
		this.line = failure.line();
		this.sqlState = failure.sqlState();
		this.errorCode = failure.errorCode();
		this.databaseMessage = failure.databaseMessage();
		this.transactional = failure.transactional();
		this.markedDirty = failure.markedDirty();
		this.committedStatements = failure.committedStatements();
	}

	/**
	 * The migrations completed (and committed) by this run before the failure, in order.
	 */
	public List<MigrationResult> applied() {
		return (this.applied != null) ? this.applied : List.of();
	}

	/** The version of the failed migration. */
	public long version() {
		return this.version;
	}

	/** The location of the failed file. */
	public String file() {
		return this.file;
	}

	/** Whether the failed migration was going up or down. */
	public Direction direction() {
		return this.direction;
	}

	/**
	 * The 1-based number of the failed statement within its section, or 0 when the
	 * failure was not a statement's.
	 */
	public int statement() {
		return this.statement;
	}

	/**
	 * The 1-based line of the file on which the failed statement starts, or 0 when
	 * unknown.
	 */
	public int line() {
		return this.line;
	}

	/**
	 * The SQLState the database reported, or {@code null} when it reported none (SQLite
	 * reports none).
	 */
	public String sqlState() {
		return this.sqlState;
	}

	/** The vendor error code the driver reported. */
	public int errorCode() {
		return this.errorCode;
	}

	/** The database's own message, as the driver reported it. */
	public String databaseMessage() {
		return this.databaseMessage;
	}

	/**
	 * Whether the failed migration ran in a transaction, so that it left no history row
	 * and no changes but those {@link #committedStatements()} counts. When {@code false},
	 * statements before the failed one stay applied.
	 */
	public boolean transactional() {
		return this.transactional;
	}

	/**
	 * Whether the failure left a golang-migrate table marked dirty at the failed version:
	 * the migration ran outside a transaction and may be half applied, so nothing runs
	 * until {@code force} clears the flag.
	 */
	public boolean markedDirty() {
		return this.markedDirty;
	}

	/**
	 * How many of the failed migration's first statements stayed applied although it ran
	 * in a transaction, because the database committed them on its own: MySQL commits
	 * before every DDL statement. 0 where DDL is transactional.
	 */
	public int committedStatements() {
		return this.committedStatements;
	}

	/**
	 * The facts of one failure, gathered by the executor.
	 *
	 * @param version the failed migration's version
	 * @param file the failed file's location
	 * @param direction up or down
	 * @param statement the 1-based statement number, 0 when no statement failed
	 * @param line the 1-based line the statement starts on, 0 when unknown
	 * @param sqlState the SQLState, or {@code null}
	 * @param errorCode the vendor error code
	 * @param databaseMessage the database's message
	 * @param transactional whether the migration ran in a transaction
	 * @param markedDirty whether the failure left a golang-migrate table marked dirty
	 * @param committedStatements how many first statements the database committed on its
	 * own inside the transaction (MySQL's DDL), and so stayed applied
	 */
	public record Failure(long version, String file, Direction direction, int statement, int line, String sqlState,
			int errorCode, String databaseMessage, boolean transactional, boolean markedDirty,
			int committedStatements) {

		/**
		 * The facts of a failure where nothing was committed on its own (every database
		 * but MySQL).
		 * @param version the failed migration's version
		 * @param file the failed file's location
		 * @param direction up or down
		 * @param statement the 1-based statement number, 0 when no statement failed
		 * @param line the 1-based line the statement starts on, 0 when unknown
		 * @param sqlState the SQLState, or {@code null}
		 * @param errorCode the vendor error code
		 * @param databaseMessage the database's message
		 * @param transactional whether the migration ran in a transaction
		 * @param markedDirty whether the failure left a golang-migrate table marked dirty
		 */
		public Failure(long version, String file, Direction direction, int statement, int line, String sqlState,
				int errorCode, String databaseMessage, boolean transactional, boolean markedDirty) {
			this(version, file, direction, statement, line, sqlState, errorCode, databaseMessage, transactional,
					markedDirty, 0);
		}

		String describe(List<MigrationResult> applied) {
			StringBuilder message = new StringBuilder();
			message.append("Migration ").append(this.file);
			if (this.line > 0) {
				message.append(':').append(this.line);
			}
			message.append(" failed (").append(this.direction.label());
			if (this.statement > 0) {
				message.append(", statement ").append(this.statement);
			}
			message.append("): ").append(this.databaseMessage);
			if (this.sqlState != null) {
				message.append(" [SQLState ").append(this.sqlState).append(']');
			}
			if (this.transactional && this.committedStatements > 0) {
				message.append(". It was not recorded, but the database commits DDL on its own: ")
					.append((this.committedStatements == 1) ? "statement 1 stayed"
							: "statements 1 to " + this.committedStatements + " stayed")
					.append(" applied, and only what came after was rolled back.");
			}
			else if (this.transactional) {
				message.append(". It was rolled back and not recorded.");
			}
			else if (this.markedDirty) {
				message.append(". It ran without a transaction: statements before the failed one stay applied, and the"
						+ " database is marked dirty at version " + this.version + " until 'force' clears it.");
			}
			else {
				message.append(". It ran without a transaction: statements before the failed one stay applied, and it"
						+ " was not recorded.");
			}
			if (applied.isEmpty()) {
				message.append(" No migration was applied before it.");
			}
			else {
				message.append(" Applied before it: ");
				message.append(String.join(", ", applied.stream().map(MigrationResult::file).toList()));
				message.append('.');
			}
			return message.toString();
		}

	}

}
