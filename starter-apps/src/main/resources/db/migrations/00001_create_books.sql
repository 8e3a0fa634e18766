-- +goose Up
-- SQL that SQLite and PostgreSQL share, so that every application of this module runs on both with the default
-- location and no migrations.* setting.
CREATE TABLE books (
    id     BIGINT PRIMARY KEY,
    title  VARCHAR(200) NOT NULL,
    author VARCHAR(200) NOT NULL
);

-- +goose Down
DROP TABLE books;
