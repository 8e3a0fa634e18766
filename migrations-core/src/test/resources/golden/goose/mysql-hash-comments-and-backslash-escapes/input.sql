-- +goose Up
# a hash comment; with a semicolon and a ' quote
INSERT INTO notes (body) VALUES ('it\'s; fine');
INSERT INTO notes (body) VALUES ("double \" quoted; string");
SELECT `a;b`, 'back\\' FROM notes; # trailing; comment
/*!50503 SET NAMES utf8mb4 */;
