-- +goose Up
CREATE TABLE [odd;name] ([a;b] TEXT, `c;d` TEXT);
/* the files live in db/*.sql */
INSERT INTO [odd;name] VALUES ('x', $1);
SELECT [a;b] FROM [odd;name];
