-- +goose Up
CREATE TABLE glaze_batches (batch_id integer PRIMARY KEY);

INSERT INTO glaze_batches (batch_id)
VALUES (1), (2)

-- +goose Down
DROP TABLE glaze_batches;
