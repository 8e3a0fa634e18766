-- +goose Up
/* Header: the gauges table.
   Owned by the hydrology team. */
CREATE TABLE gauges (gauge_id integer PRIMARY KEY);
/* inline */ CREATE INDEX gauges_id ON gauges (gauge_id);
/* a comment-only statement */;
-- a comment line
;
