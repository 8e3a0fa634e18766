-- +goose Up
CREATE TABLE ledger$2024 (entry$id integer, a$b text);
SELECT a$b FROM ledger$2024 WHERE entry$id = 1;
CREATE TABLE pay$roll$ (id integer);
SELECT 1;
