-- +goose Up
CREATE TABLE crates (id integer);

-- +goose Down
DROP TABLE crates
