-- +goose Up
-- Requests can also be denied by policy or fail with an error; the first constraint knew only two outcomes.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_outcome_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_outcome_check
    CHECK (outcome IN ('success', 'failure', 'denied', 'error'));

-- +goose Down
-- The older constraint cannot hold the newer outcomes; they fold into 'failure', keeping the events.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_outcome_check;
UPDATE audit_events SET outcome = 'failure' WHERE outcome IN ('denied', 'error');
ALTER TABLE audit_events ADD CONSTRAINT audit_events_outcome_check CHECK (outcome IN ('success', 'failure'));
