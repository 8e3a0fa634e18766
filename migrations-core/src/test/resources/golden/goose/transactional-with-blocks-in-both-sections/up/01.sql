CREATE FUNCTION berth_free(b integer) RETURNS boolean AS $$
	SELECT NOT EXISTS (SELECT 1 FROM berth_bookings WHERE berth_id = b);
$$ LANGUAGE sql;