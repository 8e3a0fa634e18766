-- +goose Up
SELECT 1;
SELECT 2 /* outer
/* inner */ the outer one is still open;
