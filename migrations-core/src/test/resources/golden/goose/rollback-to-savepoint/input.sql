-- +goose Up
SAVEPOINT before_seed;
INSERT INTO ledger (id) VALUES (1);
ROLLBACK TO SAVEPOINT before_seed;
