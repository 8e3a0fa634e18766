CREATE TRIGGER spans_moved BEFORE UPDATE OF begin, end ON spans
	FOR EACH ROW EXECUTE FUNCTION spans_check();