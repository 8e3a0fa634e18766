-- +goose Up
CREATE TABLE "odd;name" ("col""with;quote" integer);
SELECT "odd;name".* FROM "odd;name";
