package dev.migrations;

/**
 * A command that moves the database, for {@link Migrator#run} and {@link Migrator#plan}:
 * {@code up}, {@code up-by-one}, {@code up-to V}, {@code down}, {@code down-to V},
 * {@code redo}, {@code reset}.
 */
public sealed interface Operation {

	/** As a {@link Down#target()}: roll back every applied version. */
	long EVERYTHING = Long.MIN_VALUE;

	/** Every pending migration. */
	static Operation up() {
		return new Up(Long.MAX_VALUE, Integer.MAX_VALUE);
	}

	/** The next pending migration. */
	static Operation upByOne() {
		return new Up(Long.MAX_VALUE, 1);
	}

	/**
	 * Pending migrations up to and including a version.
	 * @param version the highest version to apply
	 * @return the operation
	 */
	static Operation upTo(long version) {
		return new Up(version, Integer.MAX_VALUE);
	}

	/** The most recently applied migration, rolled back. */
	static Operation down() {
		return new Down(EVERYTHING, 1);
	}

	/**
	 * Every applied migration above a version, rolled back; {@code downTo(0)} rolls back
	 * everything.
	 * @param version the version to end at
	 * @return the operation
	 */
	static Operation downTo(long version) {
		return new Down((version == 0) ? EVERYTHING : version, Integer.MAX_VALUE);
	}

	/** The most recently applied migration, rolled back and applied again. */
	static Operation redo() {
		return new Redo();
	}

	/** Every applied migration, rolled back. */
	static Operation reset() {
		return new Down(EVERYTHING, Integer.MAX_VALUE);
	}

	/** The command's name: {@code up}, {@code down-to 3}, ... */
	String describe();

	/** Whether the operation applies migrations (and so is validated first). */
	boolean isUp();

	/**
	 * Apply pending migrations.
	 *
	 * @param target the highest version to apply
	 * @param limit how many to apply at most
	 */
	record Up(long target, int limit) implements Operation {

		@Override
		public String describe() {
			if (this.limit == 1) {
				return "up-by-one";
			}
			return (this.target == Long.MAX_VALUE) ? "up" : "up-to " + this.target;
		}

		@Override
		public boolean isUp() {
			return true;
		}

	}

	/**
	 * Roll back applied migrations, most recently applied first.
	 *
	 * @param target roll back versions above this one ({@link #EVERYTHING} for all)
	 * @param limit how many to roll back at most
	 */
	record Down(long target, int limit) implements Operation {

		@Override
		public String describe() {
			if (this.limit == 1) {
				return "down";
			}
			return (this.target == EVERYTHING) ? "reset" : "down-to " + this.target;
		}

		@Override
		public boolean isUp() {
			return false;
		}

	}

	/** Roll back the most recently applied migration and apply it again. */
	record Redo() implements Operation {

		@Override
		public String describe() {
			return "redo";
		}

		@Override
		public boolean isUp() {
			return false;
		}

	}

}
