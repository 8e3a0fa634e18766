package dev.migrations;

import java.util.List;

/**
 * {@code verify} found a migration whose Down does not undo its Up: after rolling it
 * back, the schema differs from what it was before the migration was applied. The scratch
 * database is left as that Down left it.
 */
public final class IrreversibleMigrationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	/** How many differences the message shows; {@link #differences()} has them all. */
	private static final int SHOWN = 5;

	private final long version;

	private final String file;

	private final List<String> differences;

	/**
	 * Creates the exception.
	 * @param version the migration's version
	 * @param file the migration's location
	 * @param differences what differs, one line per object, as
	 * {@code index users.users_email_idx: present after
	 * Down, absent before Up}
	 */
	public IrreversibleMigrationException(long version, String file, List<String> differences) {
		super(describe(file, differences));
		this.version = version;
		this.file = file;
		this.differences = List.copyOf(differences);
	}

	private static String describe(String file, List<String> differences) {
		StringBuilder message = new StringBuilder("The Down section of ").append(file)
			.append(" does not undo its Up: after rolling it back, the schema differs from before it was applied:");
		differences.stream().limit(SHOWN).forEach((difference) -> message.append("\n  - ").append(difference));
		if (differences.size() > SHOWN) {
			message.append("\n  (and ").append(differences.size() - SHOWN).append(" more)");
		}
		return message.append("\nMake the Down drop, restore or recreate exactly what the Up changed.").toString();
	}

	/** The version of the migration whose Down does not undo its Up. */
	public long version() {
		return this.version;
	}

	/** The location of its file. */
	public String file() {
		return this.file;
	}

	/**
	 * Every difference between the schema before its Up and after its Down, tables first.
	 */
	public List<String> differences() {
		return this.differences;
	}

}
