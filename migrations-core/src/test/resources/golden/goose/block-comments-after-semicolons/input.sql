-- +goose Up
CREATE TABLE sensors (sensor_id integer PRIMARY KEY); /* one row per device */
CREATE INDEX sensors_id ON sensors (sensor_id); /* a */ /* b /* nested */ */ -- and a line comment
/* header of the next */ INSERT INTO sensors VALUES (1);
