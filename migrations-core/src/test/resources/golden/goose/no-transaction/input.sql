-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY berth_bookings_day ON berth_bookings (booked_on);

-- +goose Down
DROP INDEX CONCURRENTLY berth_bookings_day;
