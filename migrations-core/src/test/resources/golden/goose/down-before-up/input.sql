-- +goose Down
DROP TABLE pallets;
-- +goose Up
CREATE TABLE pallets (id integer);
