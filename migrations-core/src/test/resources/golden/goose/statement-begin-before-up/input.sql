-- +goose StatementBegin
-- +goose Up
SELECT 1;
