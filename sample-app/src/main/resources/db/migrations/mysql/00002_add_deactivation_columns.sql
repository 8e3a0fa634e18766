-- +goose Up
-- Deactivating keeps the row (and its history) and records when.
ALTER TABLE projects ADD COLUMN deactivated_at DATETIME(6) NULL;
ALTER TABLE tokens ADD COLUMN deactivated_at DATETIME(6) NULL;

-- +goose Down
ALTER TABLE tokens DROP COLUMN deactivated_at;
ALTER TABLE projects DROP COLUMN deactivated_at;
