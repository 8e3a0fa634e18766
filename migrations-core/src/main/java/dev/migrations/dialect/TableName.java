package dev.migrations.dialect;

import java.util.Objects;
import java.util.regex.Pattern;

import dev.migrations.MigrationConfigurationException;

/**
 * A version table's name, optionally qualified by a schema
 * ({@code audit.goose_db_version}). Both parts are checked against a strict pattern, so
 * that a dialect can quote it and place it in SQL safely. Upper-case letters are refused:
 * goose leaves the name unquoted (PostgreSQL folds it to lower case) while golang-migrate
 * quotes it, so a mixed-case name would point the two tools at different tables.
 *
 * @param schema the schema, or {@code null} for the connection's current schema
 * @param name the table
 */
public record TableName(String schema, String name) {

	private static final Pattern PART = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	/**
	 * Reads and validates a table name.
	 * @param value {@code table} or {@code schema.table}
	 * @return the name
	 * @throws MigrationConfigurationException when a part is not a plain lower-case
	 * identifier
	 */
	public static TableName parse(String value) {
		return parse(value, "table", "version table");
	}

	/**
	 * Reads and validates the name of a table an option configures.
	 * @param value {@code table} or {@code schema.table}
	 * @param option the builder option that set it, named by the error ({@code table},
	 * {@code metadataTable})
	 * @param what what the table is, for the message ({@code version table},
	 * {@code metadata table})
	 * @return the name
	 * @throws MigrationConfigurationException when a part is not a plain lower-case
	 * identifier
	 */
	public static TableName parse(String value, String option, String what) {
		if (value == null || value.isBlank()) {
			throw invalid(option, what, value, "it is empty");
		}
		String[] parts = value.split("\\.", -1);
		if (parts.length > 2) {
			throw invalid(option, what, value, "it has more than one '.'; use table or schema.table");
		}
		for (String part : parts) {
			if (!PART.matcher(part).matches()) {
				throw invalid(option, what, value,
						"'" + part + "' is not a plain identifier (lower-case letters, digits"
								+ " and _, starting with a letter or _, at most 63 characters)");
			}
		}
		return (parts.length == 2) ? new TableName(parts[0], parts[1]) : new TableName(null, parts[0]);
	}

	private static MigrationConfigurationException invalid(String option, String what, String value, String reason) {
		return new MigrationConfigurationException(option,
				"Invalid " + what + " name '" + value + "': " + reason + ".");
	}

	/** The name with its schema when it has one, unquoted, as shown in messages. */
	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.name : this.name;
	}

	// Written out rather than generated: the generated record methods bootstrap a
	// method-handle chain on first use,
	// which cost a start with nothing to migrate more than the rest of the comparison of
	// its two table names.
	@Override
	public boolean equals(Object other) {
		return other instanceof TableName that && Objects.equals(this.schema, that.schema)
				&& Objects.equals(this.name, that.name);
	}

	@Override
	public int hashCode() {
		return 31 * Objects.hashCode(this.schema) + Objects.hashCode(this.name);
	}

	/** The same table name with another table part, in the same schema. */
	public TableName withName(String otherName) {
		return new TableName(this.schema, otherName);
	}

}
