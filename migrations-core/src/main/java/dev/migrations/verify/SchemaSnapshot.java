package dev.migrations.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schema objects of a database as its dialect lists them, each under a key naming its
 * kind and name ({@code table users}, {@code column users.email},
 * {@code index users.users_email_idx}, {@code constraint users.users_pkey},
 * {@code view v}, {@code function f(integer)}, {@code type mood}, {@code sequence s})
 * with a normalized definition, so that two snapshots compare equal exactly when the
 * schemas do. Objects that belong to a table are keyed {@code kind table.name}.
 *
 * @param objects the definitions by key
 */
public record SchemaSnapshot(SortedMap<String, String> objects) {

	/**
	 * The kinds listed first in differences, so that a table comes before its columns and
	 * indexes.
	 */
	private static final List<String> KIND_ORDER = List.of("table", "materialized view", "view", "column", "constraint",
			"index", "trigger", "sequence", "type", "function", "procedure", "aggregate", "extension");

	/** Kinds of objects that live inside a table and go with it. */
	private static final List<String> TABLE_PARTS = List.of("column", "constraint", "index", "trigger");

	/** Kinds of objects that other objects can live in. */
	private static final List<String> OWNERS = List.of("table", "materialized view", "view");

	public SchemaSnapshot {
		objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
	}

	/**
	 * What differs from an earlier snapshot, one readable line per object, worded for
	 * {@code verify}: this snapshot is taken after a migration's Down, {@code before}
	 * before its Up. The columns, indexes, constraints and triggers of a table that is
	 * only on one side are left out, since the table's own line says it all.
	 * @param before the snapshot to compare with
	 * @return the differences, tables first; empty when the schemas are the same
	 */
	public List<String> differencesFrom(SchemaSnapshot before) {
		TreeSet<String> keys = new TreeSet<>(this.objects.keySet());
		keys.addAll(before.objects.keySet());
		List<String> oneSided = new ArrayList<>();
		for (String key : keys) {
			String owner = ownerName(key);
			if (owner != null && this.objects.containsKey(key) != before.objects.containsKey(key)) {
				oneSided.add(owner);
			}
		}
		List<String> ordered = new ArrayList<>(keys);
		ordered.sort(Comparator.comparingInt(SchemaSnapshot::kindRank).thenComparing(Comparator.naturalOrder()));
		List<String> differences = new ArrayList<>();
		for (String key : ordered) {
			String now = this.objects.get(key);
			String was = before.objects.get(key);
			if (now == null) {
				if (!isPartOf(key, oneSided)) {
					differences.add(key + ": absent after Down, present before Up" + shown(key, was));
				}
			}
			else if (was == null) {
				if (!isPartOf(key, oneSided)) {
					differences.add(key + ": present after Down, absent before Up" + shown(key, now));
				}
			}
			else if (!now.equals(was)) {
				differences.add(key + ": was " + quoted(was) + ", now " + quoted(now));
			}
		}
		return differences;
	}

	private static String kindOf(String key) {
		for (String kind : KIND_ORDER) {
			if (key.startsWith(kind + " ")) {
				return kind;
			}
		}
		return null;
	}

	private static int kindRank(String key) {
		String kind = kindOf(key);
		return (kind != null) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.size();
	}

	/** The name of a table or view from its key, or {@code null} for other kinds. */
	private static String ownerName(String key) {
		String kind = kindOf(key);
		return (kind != null && OWNERS.contains(kind)) ? key.substring(kind.length() + 1) : null;
	}

	private static boolean isPartOf(String key, List<String> owners) {
		String kind = kindOf(key);
		if (kind == null || !TABLE_PARTS.contains(kind)) {
			return false;
		}
		String name = key.substring(kind.length() + 1);
		return owners.stream().anyMatch((owner) -> name.startsWith(owner + "."));
	}

	/**
	 * The definition after a one-sided key, except for a table's or view's, which the
	 * later lines would repeat.
	 */
	private static String shown(String key, String definition) {
		return (ownerName(key) != null) ? "" : " (" + quoted(definition) + ")";
	}

	private static String quoted(String definition) {
		// Function bodies and view definitions span lines; a difference is read on one.
		return "\"" + definition.replaceAll("\\s+", " ").strip() + "\"";
	}

}
