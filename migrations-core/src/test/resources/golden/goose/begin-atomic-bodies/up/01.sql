CREATE FUNCTION shelf_count(shelf text) RETURNS bigint
	LANGUAGE sql
BEGIN ATOMIC
	SELECT count(*) FROM books WHERE books.shelf = shelf_count.shelf;
END;