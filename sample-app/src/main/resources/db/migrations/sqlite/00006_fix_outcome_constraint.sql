-- +goose Up
-- Requests can also be denied by policy or fail with an error; the first constraint knew only two outcomes.
-- SQLite cannot alter a CHECK constraint, so the table is rebuilt with its rows and indexes.
CREATE TABLE audit_events_rebuilt (
    id             TEXT PRIMARY KEY,
    timestamp      DATETIME NOT NULL,
    action         TEXT NOT NULL,
    actor          TEXT NOT NULL,
    project_id     TEXT,
    request_id     TEXT,
    correlation_id TEXT,
    client_ip      TEXT,
    method         TEXT,
    path           TEXT,
    user_agent     TEXT,
    outcome        TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied', 'error')),
    reason         TEXT,
    token_id       TEXT,
    metadata       TEXT
);
INSERT INTO audit_events_rebuilt SELECT id, timestamp, action, actor, project_id, request_id, correlation_id,
    client_ip, method, path, user_agent, outcome, reason, token_id, metadata FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_rebuilt RENAME TO audit_events;
CREATE INDEX idx_audit_timestamp ON audit_events (timestamp);
CREATE INDEX idx_audit_action ON audit_events (action);
CREATE INDEX idx_audit_project_id ON audit_events (project_id);
CREATE INDEX idx_audit_client_ip ON audit_events (client_ip);
CREATE INDEX idx_audit_request_id ON audit_events (request_id);
CREATE INDEX idx_audit_outcome ON audit_events (outcome);
CREATE INDEX idx_audit_ip_action ON audit_events (client_ip, action);

-- +goose Down
-- The older constraint cannot hold the newer outcomes; they fold into 'failure', keeping the events.
CREATE TABLE audit_events_rebuilt (
    id             TEXT PRIMARY KEY,
    timestamp      DATETIME NOT NULL,
    action         TEXT NOT NULL,
    actor          TEXT NOT NULL,
    project_id     TEXT,
    request_id     TEXT,
    correlation_id TEXT,
    client_ip      TEXT,
    method         TEXT,
    path           TEXT,
    user_agent     TEXT,
    outcome        TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
    reason         TEXT,
    token_id       TEXT,
    metadata       TEXT
);
INSERT INTO audit_events_rebuilt SELECT id, timestamp, action, actor, project_id, request_id, correlation_id,
    client_ip, method, path, user_agent,
    CASE WHEN outcome IN ('denied', 'error') THEN 'failure' ELSE outcome END, reason, token_id, metadata
    FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_rebuilt RENAME TO audit_events;
CREATE INDEX idx_audit_timestamp ON audit_events (timestamp);
CREATE INDEX idx_audit_action ON audit_events (action);
CREATE INDEX idx_audit_project_id ON audit_events (project_id);
CREATE INDEX idx_audit_client_ip ON audit_events (client_ip);
CREATE INDEX idx_audit_request_id ON audit_events (request_id);
CREATE INDEX idx_audit_outcome ON audit_events (outcome);
CREATE INDEX idx_audit_ip_action ON audit_events (client_ip, action);
