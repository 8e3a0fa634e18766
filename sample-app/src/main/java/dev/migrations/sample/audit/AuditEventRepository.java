package dev.migrations.sample.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.migrations.sample.data.SqlValues;

/** The {@code audit_events} table: written once per audited request, read by filters. */
@Repository
public class AuditEventRepository {

	private static final String COLUMNS = "id, timestamp, action, actor, project_id, request_id, correlation_id,"
			+ " client_ip, method, path, user_agent, outcome, reason, token_id, metadata";

	private final JdbcClient jdbc;

	private final SqlValues values;

	public AuditEventRepository(JdbcClient jdbc, SqlValues values) {
		this.jdbc = jdbc;
		this.values = values;
	}

	public void insert(AuditEvent event) {
		this.jdbc
			.sql("INSERT INTO audit_events (" + COLUMNS + ") VALUES (:id, :timestamp, :action, :actor, :projectId,"
					+ " :requestId, :correlationId, :clientIp, :method, :path, :userAgent, :outcome, :reason, :tokenId,"
					+ " :metadata)")
			.param("id", event.id())
			.param("timestamp", this.values.instant(event.timestamp()))
			.param("action", event.action())
			.param("actor", event.actor())
			.param("projectId", event.projectId())
			.param("requestId", event.requestId())
			.param("correlationId", event.correlationId())
			.param("clientIp", event.clientIp())
			.param("method", event.method())
			.param("path", event.path())
			.param("userAgent", event.userAgent())
			.param("outcome", event.outcome().value())
			.param("reason", event.reason())
			.param("tokenId", event.tokenId())
			.param("metadata", event.metadata())
			.update();
	}

	/**
	 * One page of the events a query matches, newest first; events of the same
	 * millisecond by id, which is time-ordered.
	 * @param query the filters and the page
	 * @return the page
	 */
	public AuditPage find(AuditQuery query) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(query, params);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM audit_events" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<AuditEvent> items = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_events" + where
					+ " ORDER BY timestamp DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", query.size())
			.param("offset", query.offset())
			.query(this::event)
			.list();
		return new AuditPage(items, query.page(), query.size(), total);
	}

	private String where(AuditQuery query, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		if (query.projectId() != null) {
			conditions.add("project_id = :projectId");
			params.put("projectId", query.projectId());
		}
		if (query.action() != null) {
			conditions.add("action = :action");
			params.put("action", query.action());
		}
		if (query.outcome() != null) {
			conditions.add("outcome = :outcome");
			params.put("outcome", query.outcome().value());
		}
		if (query.from() != null) {
			conditions.add("timestamp >= :from");
			params.put("from", this.values.instant(query.from()));
		}
		if (query.to() != null) {
			conditions.add("timestamp < :to");
			params.put("to", this.values.instant(query.to()));
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private AuditEvent event(ResultSet row, int number) throws SQLException {
		return new AuditEvent(row.getString("id"), this.values.readInstant(row, "timestamp"), row.getString("action"),
				row.getString("actor"), row.getString("project_id"), row.getString("request_id"),
				row.getString("correlation_id"), row.getString("client_ip"), row.getString("method"),
				row.getString("path"), row.getString("user_agent"), Outcome.of(row.getString("outcome")),
				row.getString("reason"), row.getString("token_id"), row.getString("metadata"));
	}

}
