-- +goose Up
INSERT INTO chat_lines (body) VALUES ('hello; world'), ('it''s; fine');
SELECT 'a;' || ';b';
