CREATE TABLE lending_members (
	member_id integer PRIMARY KEY,
	display_name text NOT NULL
);
CREATE TABLE lending_loans (
	loan_id integer PRIMARY KEY,
	member_id integer NOT NULL REFERENCES lending_members (member_id),
	due_on date NOT NULL,
	returned_on date
);
CREATE FUNCTION lending_note_late_return() RETURNS trigger AS $tag$
BEGIN
	-- a late return keeps its due date; we only log it
	IF NEW.returned_on > NEW.due_on THEN
		RAISE NOTICE 'loan % returned late; fees apply', NEW.loan_id;
	END IF;
	-- nothing to change; hand the row back
	RETURN NEW;
END;
$tag$ LANGUAGE plpgsql;
CREATE TRIGGER lending_loans_late AFTER UPDATE ON lending_loans
	FOR EACH ROW EXECUTE FUNCTION lending_note_late_return();