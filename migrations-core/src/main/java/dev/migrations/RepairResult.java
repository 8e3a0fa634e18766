package dev.migrations;

import java.util.List;

/**
 * What {@code repair} changed in our metadata table; the Go tool's table is never
 * touched.
 *
 * @param changes one sentence per change, such as "Recorded the new checksum of
 * 00003_x.sql"
 */
public record RepairResult(List<String> changes) {

	public RepairResult {
		changes = List.copyOf(changes);
	}

}
