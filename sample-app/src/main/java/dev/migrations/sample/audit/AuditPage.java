package dev.migrations.sample.audit;

import java.util.List;

/**
 * A page of audit events, newest first.
 *
 * @param items the events
 * @param page the page, from 0
 * @param size the page size asked for
 * @param total how many events match, on every page
 */
public record AuditPage(List<AuditEvent> items, int page, int size, long total) {

}
