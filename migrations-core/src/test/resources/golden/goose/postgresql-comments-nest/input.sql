-- +goose Up
/* the files live in db/*.sql */
SELECT 1;
