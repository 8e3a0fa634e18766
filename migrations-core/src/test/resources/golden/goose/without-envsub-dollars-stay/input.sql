-- +goose Up
INSERT INTO price_notes (note) VALUES ('costs $AMOUNT, see ${DOC:-the sheet} or $$');
