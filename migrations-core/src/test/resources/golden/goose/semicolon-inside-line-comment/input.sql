-- +goose Up
SELECT 1 -- not the end; really
	+ 2;
SELECT 3;
