-- +goose Up
-- +goose StatementBegin
UPDATE tide_gauges SET calibrated = false;
UPDATE tide_gauges SET calibrated = true WHERE last_check > now() - interval '30 days' -- trusted again
-- +goose StatementEnd
