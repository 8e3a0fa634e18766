CREATE TRIGGER parcels_guard BEFORE DELETE ON parcels
BEGIN
	SELECT RAISE(ABORT, 'parcels are archived; never deleted');
END;