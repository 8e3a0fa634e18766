-- +goose Up

ALTER TABLE kiln_firings
	ADD COLUMN cone text

-- +goose Down
