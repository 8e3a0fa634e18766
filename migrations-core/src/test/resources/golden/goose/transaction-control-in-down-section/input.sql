-- +goose Up
CREATE TABLE ledger (id INTEGER);

-- +goose Down
DROP TABLE ledger;
END;
