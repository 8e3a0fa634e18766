-- +goose Up
-- Management URLs name a token by an id of its own, so the secret never appears in a URL or a log line.
ALTER TABLE tokens ADD COLUMN id UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE tokens DROP CONSTRAINT tokens_pkey;
ALTER TABLE tokens ADD CONSTRAINT tokens_pkey PRIMARY KEY (id);
ALTER TABLE tokens ADD CONSTRAINT tokens_token_unique UNIQUE (token);
CREATE INDEX idx_tokens_token ON tokens (token);

-- +goose Down
DROP INDEX idx_tokens_token;
ALTER TABLE tokens DROP CONSTRAINT tokens_token_unique;
ALTER TABLE tokens DROP CONSTRAINT tokens_pkey;
ALTER TABLE tokens ADD CONSTRAINT tokens_pkey PRIMARY KEY (token);
ALTER TABLE tokens DROP COLUMN id;
