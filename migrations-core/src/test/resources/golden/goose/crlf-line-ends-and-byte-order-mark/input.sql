-- +goose Up
CREATE TABLE crlf_probe (
	id integer
);

-- +goose Down
DROP TABLE crlf_probe; -- gone
