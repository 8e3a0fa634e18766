package dev.migrations.verify;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How two snapshots are compared and how their differences read. */
class SchemaSnapshotTests {

	private static SchemaSnapshot snapshot(Map<String, String> objects) {
		return new SchemaSnapshot(new TreeMap<>(objects));
	}

	@Test
	void equalSnapshotsHaveNoDifferences() {
		SchemaSnapshot schema = snapshot(Map.of("table users", "table", "column users.id", "INTEGER"));

		assertThat(schema.differencesFrom(snapshot(Map.of("column users.id", "INTEGER", "table users", "table"))))
			.isEmpty();
	}

	@Test
	void eachDifferenceSaysWhichSideHasTheObjectOrWhatChanged() {
		SchemaSnapshot before = snapshot(Map.of("table users", "table", "column users.id", "INTEGER",
				"index users.users_name", "(name)", "column users.name", "TEXT DEFAULT 'a'"));
		SchemaSnapshot after = snapshot(Map.of("table users", "table", "column users.id", "INTEGER",
				"column users.email", "TEXT", "column users.name", "TEXT DEFAULT 'b'"));

		assertThat(after.differencesFrom(before)).containsExactly(
				"column users.email: present after Down, absent before Up (\"TEXT\")",
				"column users.name: was \"TEXT DEFAULT 'a'\", now \"TEXT DEFAULT 'b'\"",
				"index users.users_name: absent after Down, present before Up (\"(name)\")");
	}

	@Test
	void aTableOnOneSideStandsForItsColumnsIndexesAndConstraints() {
		SchemaSnapshot before = snapshot(Map.of("table users", "table"));
		SchemaSnapshot after = snapshot(Map.of("table users", "table", "table tokens", "table", "column tokens.id",
				"TEXT", "index tokens.tokens_id", "(id)", "constraint tokens.tokens_pkey", "PRIMARY KEY (id)",
				"trigger tokens.t", "CREATE TRIGGER", "sequence tokens_seq", "bigint"));

		assertThat(after.differencesFrom(before)).containsExactly("table tokens: present after Down, absent before Up",
				"sequence tokens_seq: present after Down, absent before Up (\"bigint\")");
	}

	@Test
	void tablesAndViewsComeFirstThenTheirPartsThenOtherObjects() {
		SchemaSnapshot before = snapshot(Map.of("table a", "table"));
		SchemaSnapshot after = snapshot(Map.of("table a", "table", "type mood", "ENUM ('ok')", "column a.x", "TEXT",
				"view v", "SELECT 1", "function f()", "CREATE FUNCTION f() ...", "table z", "table"));

		assertThat(after.differencesFrom(before)).extracting((line) -> line.substring(0, line.indexOf(':')))
			.containsExactly("table z", "view v", "column a.x", "type mood", "function f()");
	}

	@Test
	void definitionsSpanningLinesAreShownOnOne() {
		SchemaSnapshot before = snapshot(Map.of("view v", "SELECT 1\n  FROM t;"));
		SchemaSnapshot after = snapshot(Map.of("view v", "SELECT 2\n  FROM t;"));

		assertThat(after.differencesFrom(before))
			.containsExactly("view v: was \"SELECT 1 FROM t;\", now \"SELECT 2 FROM t;\"");
	}

	@Test
	void theObjectsCannotBeChanged() {
		SchemaSnapshot schema = snapshot(Map.of("table users", "table"));

		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> schema.objects().put("table other", "table"));
	}

}
