-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION berth_free(b integer) RETURNS boolean AS $$
	SELECT NOT EXISTS (SELECT 1 FROM berth_bookings WHERE berth_id = b);
$$ LANGUAGE sql;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP FUNCTION berth_free(integer);
-- +goose StatementEnd
