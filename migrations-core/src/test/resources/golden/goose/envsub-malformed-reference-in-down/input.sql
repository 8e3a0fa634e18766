-- +goose Up
-- +goose ENVSUB ON
SELECT '${SCHEMA}';
-- +goose Down
SELECT 'costs $5';
