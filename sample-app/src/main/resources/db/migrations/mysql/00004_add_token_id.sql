-- +goose Up
-- Management URLs name a token by an id of its own, so the secret never appears in a URL or a log line.
-- Each existing row gets a random (version 4) UUID, as the application makes them; MySQL's UUID() is version 1.
ALTER TABLE tokens ADD COLUMN id CHAR(36) NULL;
UPDATE tokens SET id = LOWER(CONCAT(
    HEX(RANDOM_BYTES(4)), '-',
    HEX(RANDOM_BYTES(2)), '-',
    '4', SUBSTR(HEX(RANDOM_BYTES(2)), 2), '-',
    HEX(8 + FLOOR(RAND() * 4)), SUBSTR(HEX(RANDOM_BYTES(2)), 2), '-',
    HEX(RANDOM_BYTES(6))));
ALTER TABLE tokens MODIFY COLUMN id CHAR(36) NOT NULL;
ALTER TABLE tokens DROP PRIMARY KEY, ADD PRIMARY KEY (id);
ALTER TABLE tokens ADD CONSTRAINT tokens_token_unique UNIQUE (token);
CREATE INDEX idx_tokens_token ON tokens (token);

-- +goose Down
DROP INDEX idx_tokens_token ON tokens;
ALTER TABLE tokens DROP INDEX tokens_token_unique;
ALTER TABLE tokens DROP PRIMARY KEY, ADD PRIMARY KEY (token);
ALTER TABLE tokens DROP COLUMN id;
