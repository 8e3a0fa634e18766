-- +goose Up
CREATE TABLE pallets (id integer);
-- +goose Up
CREATE TABLE crates (id integer);
