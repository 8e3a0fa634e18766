-- +goose Up
SELECT /* ; */ 1;
SELECT 2 /* outer /* inner; */ still a comment; */ + 3;
SELECT 4 /* spans
lines; with a semicolon
*/ + 5;
