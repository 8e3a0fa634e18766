-- +goose Up
CREATE TABLE crates (label text DEFAULT 'open);

-- +goose Down
DROP TABLE crates;
