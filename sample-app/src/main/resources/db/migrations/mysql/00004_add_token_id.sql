-- +goose Up
-- Management URLs name a token by an id of its own, so the secret never appears in a URL or a log line.
-- Each existing row gets its own UUID from the column's default.
ALTER TABLE tokens ADD COLUMN id CHAR(36) NOT NULL DEFAULT (UUID());
ALTER TABLE tokens DROP PRIMARY KEY, ADD PRIMARY KEY (id);
ALTER TABLE tokens ADD CONSTRAINT tokens_token_unique UNIQUE (token);
CREATE INDEX idx_tokens_token ON tokens (token);

-- +goose Down
DROP INDEX idx_tokens_token ON tokens;
ALTER TABLE tokens DROP INDEX tokens_token_unique;
ALTER TABLE tokens DROP PRIMARY KEY, ADD PRIMARY KEY (token);
ALTER TABLE tokens DROP COLUMN id;
