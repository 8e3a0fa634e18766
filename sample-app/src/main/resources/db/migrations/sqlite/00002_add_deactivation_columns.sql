-- +goose Up
-- Deactivating keeps the row (and its history) and records when.
ALTER TABLE projects ADD COLUMN deactivated_at DATETIME;
ALTER TABLE tokens ADD COLUMN deactivated_at DATETIME;

-- +goose Down
ALTER TABLE tokens DROP COLUMN deactivated_at;
ALTER TABLE projects DROP COLUMN deactivated_at;
