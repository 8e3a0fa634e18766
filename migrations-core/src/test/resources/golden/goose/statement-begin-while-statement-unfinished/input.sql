-- +goose Up
SELECT 1;
UPDATE pallets
	SET weight = 0
-- +goose StatementBegin
SELECT 2;
-- +goose StatementEnd
-- +goose Down
SELECT 3;
