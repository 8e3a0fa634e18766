-- +goose Up
CREATE TABLE kiln_firings (
	firing_id integer PRIMARY KEY,
	peak_celsius integer
)

-- +goose Down
DROP TABLE kiln_firings;
