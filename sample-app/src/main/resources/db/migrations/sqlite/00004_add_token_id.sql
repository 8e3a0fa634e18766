-- +goose Up
-- Management URLs name a token by an id of its own, so the secret never appears in a URL or a log line.
-- SQLite cannot change a primary key in place: the table is rebuilt, keeping every row, and each existing token
-- gets a random version-4 UUID.
CREATE TABLE tokens_rebuilt (
    id              TEXT PRIMARY KEY,
    token           TEXT NOT NULL UNIQUE,
    project_id      TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    expires_at      DATETIME,
    is_active       BOOLEAN NOT NULL DEFAULT 1,
    deactivated_at  DATETIME,
    request_count   INTEGER NOT NULL DEFAULT 0,
    max_requests    INTEGER,
    created_at      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_used_at    DATETIME,
    cache_hit_count INTEGER NOT NULL DEFAULT 0
);
INSERT INTO tokens_rebuilt (id, token, project_id, expires_at, is_active, deactivated_at, request_count, max_requests,
        created_at, last_used_at, cache_hit_count)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
                 || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-'
                 || hex(randomblob(6))),
           token, project_id, expires_at, is_active, deactivated_at, request_count, max_requests, created_at,
           last_used_at, cache_hit_count
    FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_rebuilt RENAME TO tokens;
CREATE INDEX idx_tokens_token ON tokens (token);
CREATE INDEX idx_tokens_project_id ON tokens (project_id);
CREATE INDEX idx_tokens_expires_at ON tokens (expires_at);
CREATE INDEX idx_tokens_is_active ON tokens (is_active);

-- +goose Down
-- Back to the token as the key; the ids are dropped with the column.
CREATE TABLE tokens_rebuilt (
    token           TEXT PRIMARY KEY,
    project_id      TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    expires_at      DATETIME,
    is_active       BOOLEAN NOT NULL DEFAULT 1,
    request_count   INTEGER NOT NULL DEFAULT 0,
    max_requests    INTEGER,
    created_at      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_used_at    DATETIME,
    deactivated_at  DATETIME,
    cache_hit_count INTEGER NOT NULL DEFAULT 0
);
INSERT INTO tokens_rebuilt (token, project_id, expires_at, is_active, request_count, max_requests, created_at,
        last_used_at, deactivated_at, cache_hit_count)
    SELECT token, project_id, expires_at, is_active, request_count, max_requests, created_at, last_used_at,
           deactivated_at, cache_hit_count
    FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_rebuilt RENAME TO tokens;
CREATE INDEX idx_tokens_project_id ON tokens (project_id);
CREATE INDEX idx_tokens_expires_at ON tokens (expires_at);
CREATE INDEX idx_tokens_is_active ON tokens (is_active);
