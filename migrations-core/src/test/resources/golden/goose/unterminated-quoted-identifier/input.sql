-- +goose Up
SELECT 1;

SELECT "open;
FROM memos;
