-- +goose Up
CREATE TABLE harbour_berths (berth_id integer PRIMARY KEY);

-- +goose Down
DROP TABLE harbour_berths;
