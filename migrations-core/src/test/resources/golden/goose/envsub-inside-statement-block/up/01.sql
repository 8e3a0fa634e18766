CREATE FUNCTION shop.with_vat(net numeric) RETURNS numeric AS $$
BEGIN
	-- $1 is the net amount; the factor comes from the environment
	RETURN $1 * 1.21;
END;
$$ LANGUAGE plpgsql;