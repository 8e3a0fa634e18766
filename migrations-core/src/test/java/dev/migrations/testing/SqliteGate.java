package dev.migrations.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A lock held open, for SQLite migrations that must be slow without computing: a second
 * SQLite file whose write lock the test holds until it {@link #open() opens} the gate. A
 * migration passes the gate with {@link #pass()}, a statement that writes to that file
 * and so sleeps in SQLite's busy handler until the test lets go; the migrating
 * connection's {@code busy_timeout} must outlast the wait, and so must the table lock
 * timeout, which bounds it ({@code -- migrations:table-lock-timeout 0} in the file, or
 * {@code --table-lock-timeout 0}, lifts it). Such a file runs without a transaction
 * ({@code -- +goose NO TRANSACTION}), since SQLite attaches a file only outside one;
 * {@link #attach(Path)} alone attaches it for a later transactional file on the same
 * connection.
 */
public final class SqliteGate implements AutoCloseable {

	private final Path file;

	private Connection holder;

	private SqliteGate(Path file, Connection holder) {
		this.file = file;
		this.holder = holder;
	}

	/**
	 * Creates the gate's file and holds it.
	 * @param file the file, which must not exist yet
	 * @return the gate, closed
	 */
	public static SqliteGate closed(Path file) {
		try {
			Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
			try (Statement statement = holder.createStatement()) {
				statement.execute("CREATE TABLE passage (id INTEGER)");
				// A write lock: others may read the file (attach it), not write to it.
				statement.execute("BEGIN IMMEDIATE");
			}
			return new SqliteGate(file, holder);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The statement that attaches a gate's file as {@code gate}; outside a transaction
	 * only.
	 * @param file the gate's file
	 * @return the statement
	 */
	public static String attach(Path file) {
		return "ATTACH DATABASE '" + file + "' AS gate;";
	}

	/** Attaches the gate's file, waits until the gate is open, and detaches it. */
	public String pass() {
		return attach(this.file) + "\n" + wait("pass") + "\nDETACH DATABASE gate;";
	}

	/**
	 * The statement that waits on an attached gate.
	 * @param label a value to tell the passages apart
	 * @return the statement
	 */
	public static String wait(String label) {
		return "INSERT INTO gate.passage VALUES ('" + label + "');";
	}

	/** Lets every waiting and later statement through. */
	public void open() {
		if (this.holder == null) {
			return;
		}
		try (Connection holder = this.holder; Statement statement = holder.createStatement()) {
			statement.execute("ROLLBACK");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.holder = null;
		}
	}

	@Override
	public void close() {
		open();
	}

}
