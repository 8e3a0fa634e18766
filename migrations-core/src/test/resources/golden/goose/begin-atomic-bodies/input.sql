-- +goose Up
CREATE FUNCTION shelf_count(shelf text) RETURNS bigint
	LANGUAGE sql
BEGIN ATOMIC
	SELECT count(*) FROM books WHERE books.shelf = shelf_count.shelf;
END;
CREATE OR REPLACE PROCEDURE reset_counts()
LANGUAGE sql
BEGIN ATOMIC
	UPDATE shelves SET total = 0;
	DELETE FROM shelf_audit;
END;
SELECT shelf_count('A1');
