-- +goose Up
-- Projects own API keys and tokens; every management action leaves an audit event.
-- MySQL indexes and keys need bounded strings, so identifiers and names are VARCHARs. Times are DATETIMEs
-- holding UTC, which no session time zone shifts.
CREATE TABLE projects (
    id             VARCHAR(64) PRIMARY KEY,
    name           VARCHAR(255) NOT NULL UNIQUE,
    openai_api_key TEXT NOT NULL,
    is_active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at     DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);
CREATE INDEX idx_projects_name ON projects (name);

-- The token secret is the key at first; 00004 gives tokens an id of their own.
CREATE TABLE tokens (
    token         VARCHAR(255) PRIMARY KEY,
    project_id    VARCHAR(64) NOT NULL,
    expires_at    DATETIME(6) NULL,
    is_active     BOOLEAN NOT NULL DEFAULT TRUE,
    request_count INTEGER NOT NULL DEFAULT 0,
    max_requests  INTEGER,
    created_at    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_used_at  DATETIME(6) NULL,
    CONSTRAINT tokens_project_fk FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
);
CREATE INDEX idx_tokens_project_id ON tokens (project_id);
CREATE INDEX idx_tokens_expires_at ON tokens (expires_at);
CREATE INDEX idx_tokens_is_active ON tokens (is_active);

CREATE TABLE audit_events (
    id             VARCHAR(64) PRIMARY KEY,
    `timestamp`    DATETIME(6) NOT NULL,
    action         VARCHAR(255) NOT NULL,
    actor          VARCHAR(255) NOT NULL,
    project_id     VARCHAR(64),
    request_id     VARCHAR(255),
    correlation_id VARCHAR(255),
    client_ip      VARCHAR(64),
    method         VARCHAR(16),
    path           TEXT,
    user_agent     TEXT,
    outcome        VARCHAR(16) NOT NULL,
    reason         TEXT,
    token_id       VARCHAR(64),
    metadata       TEXT,
    CONSTRAINT audit_events_outcome_check CHECK (outcome IN ('success', 'failure'))
);
CREATE INDEX idx_audit_timestamp ON audit_events (`timestamp`);
CREATE INDEX idx_audit_action ON audit_events (action);
CREATE INDEX idx_audit_project_id ON audit_events (project_id);
CREATE INDEX idx_audit_client_ip ON audit_events (client_ip);
CREATE INDEX idx_audit_request_id ON audit_events (request_id);
CREATE INDEX idx_audit_outcome ON audit_events (outcome);
CREATE INDEX idx_audit_ip_action ON audit_events (client_ip, action);

-- +goose Down
DROP TABLE audit_events;
DROP TABLE tokens;
DROP TABLE projects;
