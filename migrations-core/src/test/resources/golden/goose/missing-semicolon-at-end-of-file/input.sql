-- +goose Up
CREATE TABLE kiln_shelves (shelf_id integer PRIMARY KEY)
