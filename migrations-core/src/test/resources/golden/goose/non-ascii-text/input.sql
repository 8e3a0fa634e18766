-- +goose Up
INSERT INTO cities (name) VALUES ('Zürich; Ελλάδα'), ('東京');
SELECT '🚢';
