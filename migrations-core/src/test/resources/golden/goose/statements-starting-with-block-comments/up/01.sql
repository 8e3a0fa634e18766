/* Header: the gauges table.
   Owned by the hydrology team. */
CREATE TABLE gauges (gauge_id integer PRIMARY KEY);