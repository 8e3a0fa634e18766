-- +goose Up
PREPARE find_book (text, integer) AS
	SELECT * FROM books WHERE shelf = $1 AND copies > $2;
EXECUTE find_book ('A1', 0);
