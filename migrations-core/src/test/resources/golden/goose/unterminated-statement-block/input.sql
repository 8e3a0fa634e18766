-- +goose Up
SELECT 1;
-- +goose StatementBegin
CREATE FUNCTION f() RETURNS integer AS $$ SELECT 1 $$ LANGUAGE sql;
