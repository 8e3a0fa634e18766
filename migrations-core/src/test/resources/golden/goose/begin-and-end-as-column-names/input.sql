-- +goose Up
CREATE TABLE spans (id INTEGER, begin INTEGER, "end" INTEGER, kind TEXT);
CREATE TRIGGER spans_close AFTER INSERT ON spans
BEGIN
	UPDATE spans SET end = 5 WHERE id = new.id;
	UPDATE spans SET kind = 'x', end = new.begin, begin = new.end WHERE id = new.id;
	INSERT INTO spans (id, kind) SELECT new.id, CASE WHEN new.end > 1 THEN 'long' ELSE 'short' END;
END;
CREATE TRIGGER spans_moved BEFORE UPDATE OF begin, end ON spans
	FOR EACH ROW EXECUTE FUNCTION spans_check();
SELECT 1;
