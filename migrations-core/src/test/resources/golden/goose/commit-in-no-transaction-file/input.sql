-- +goose NO TRANSACTION
-- +goose Up
BEGIN;
CREATE TABLE ledger (id INTEGER);
COMMIT;

-- +goose Down
DROP TABLE ledger;
