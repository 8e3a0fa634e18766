-- +goose Up
-- +goose StatementBegin
CREATE TABLE depots (depot_id integer PRIMARY KEY);
-- +goose StatementEnd
