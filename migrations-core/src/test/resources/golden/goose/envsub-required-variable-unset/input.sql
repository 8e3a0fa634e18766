-- +goose ENVSUB ON
-- +goose Up
CREATE SCHEMA app;
CREATE TABLE app.${TENANT?must set}_orders (id integer);
-- +goose Down
DROP SCHEMA app CASCADE;
