  	  
-- +goose Up
-- +goose StatementBegin
CREATE TABLE ferry_routes (route_id integer PRIMARY KEY, harbour text NOT NULL);
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP TABLE ferry_routes;
-- +goose StatementEnd
DROP TABLE IF EXISTS ferry_timetable;
