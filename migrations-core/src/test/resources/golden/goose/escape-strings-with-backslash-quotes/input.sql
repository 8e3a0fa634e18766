-- +goose Up
INSERT INTO chat_lines (body) VALUES (E'it\'s; escaped'), (e'tab\there; \\');
SELECT 'C:\';
SELECT 'no escape here\' || E'\\';
