-- a header comment is fine

CREATE TABLE pallets (id integer);
-- +goose Up
SELECT 1;
