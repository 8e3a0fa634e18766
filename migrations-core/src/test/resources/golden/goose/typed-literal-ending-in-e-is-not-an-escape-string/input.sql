-- +goose Up
SELECT time'04:05\';
SELECT 2;
