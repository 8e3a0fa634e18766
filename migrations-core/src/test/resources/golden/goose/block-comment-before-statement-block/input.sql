-- +goose Up
CREATE TABLE sensors (sensor_id integer PRIMARY KEY);
/* the function below feeds the dashboard */
-- +goose StatementBegin
CREATE FUNCTION sensor_count() RETURNS bigint AS $$ SELECT count(*) FROM sensors $$ LANGUAGE sql;
-- +goose StatementEnd
SELECT sensor_count();
