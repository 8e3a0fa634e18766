INSERT INTO depots (depot_id) VALUES (1); -- first depot

-- nothing after this
/* nor this */
