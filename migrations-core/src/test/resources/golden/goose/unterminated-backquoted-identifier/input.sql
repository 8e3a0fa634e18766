-- +goose Up
SELECT `open FROM t;
