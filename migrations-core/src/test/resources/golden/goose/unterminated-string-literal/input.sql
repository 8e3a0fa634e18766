-- +goose Up
CREATE TABLE memos (body text);
INSERT INTO memos (body) VALUES ('never closed);
SELECT 1;

-- +goose Down
DROP TABLE memos;
