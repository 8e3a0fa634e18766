-- +goose Up
SELECT 1;
-- +goose Sideways
-- +goose Down
SELECT 2;
