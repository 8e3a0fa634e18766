-- +goose Up
-- +goose StatementBegin
CREATE INDEX accounts_name ON accounts (name);
-- +goose StatementEnd

-- +goose Down
DROP INDEX accounts_name;
