-- +goose Up
-- The key may belong to any provider, so the column loses the vendor's name.
ALTER TABLE projects RENAME COLUMN openai_api_key TO api_key;

-- +goose Down
ALTER TABLE projects RENAME COLUMN api_key TO openai_api_key;
