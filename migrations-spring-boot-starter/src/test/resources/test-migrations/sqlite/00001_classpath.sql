-- +goose Up
CREATE TABLE from_classpath (id INTEGER);

-- +goose Down
DROP TABLE from_classpath;
