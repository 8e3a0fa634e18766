-- The build's class-data training run applies and records this file, so that the classes of a run are archived.
-- +goose Up
CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO accounts (name) VALUES ('training');

-- +goose Down
DROP TABLE accounts;
