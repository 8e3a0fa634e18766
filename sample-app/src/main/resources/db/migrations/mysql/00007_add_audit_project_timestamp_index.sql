-- +goose Up
-- The management API lists a project's audit events newest first; this index answers that without a sort.
CREATE INDEX idx_audit_project_timestamp ON audit_events (project_id, `timestamp`);

-- +goose Down
DROP INDEX idx_audit_project_timestamp ON audit_events;
