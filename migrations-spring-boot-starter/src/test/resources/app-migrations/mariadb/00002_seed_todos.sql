-- +goose Up
INSERT INTO todos (title) VALUES ('Read the migration log');
INSERT INTO todos (title, done) VALUES ('Write the first migration', TRUE);

-- +goose Down
DELETE FROM todos WHERE title IN ('Read the migration log', 'Write the first migration');
