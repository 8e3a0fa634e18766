-- +goose Up
SELECT 1;
-- +goose Down
-- +goose StatementBegin
SELECT 2;
