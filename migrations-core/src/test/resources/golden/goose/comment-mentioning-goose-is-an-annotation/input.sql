-- +goose Up
-- remember: +goose annotations start at column 0
SELECT 1;
