-- +goose Up
SELECT 1; SELECT 2;
SELECT 3;SELECT 4; -- both counted
UPDATE marks SET done = true;   
