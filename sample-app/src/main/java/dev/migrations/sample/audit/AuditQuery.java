package dev.migrations.sample.audit;

import java.time.Instant;

/**
 * Which audit events to list: every filter is optional, and the page is zero-based.
 *
 * @param projectId only this project's events
 * @param action only this action
 * @param outcome only this outcome
 * @param from only events at or after this time
 * @param to only events before this time
 * @param page the page
 * @param size events per page
 */
public record AuditQuery(String projectId, String action, Outcome outcome, Instant from, Instant to, int page,
		int size) {

	/** The first event of the page, counted from the newest. */
	long offset() {
		return (long) this.page * this.size;
	}

}
