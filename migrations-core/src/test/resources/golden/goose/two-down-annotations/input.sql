-- +goose Up
CREATE TABLE pallets (id integer);
-- +goose Down
DROP TABLE pallets;
-- +goose Down
SELECT 1;
