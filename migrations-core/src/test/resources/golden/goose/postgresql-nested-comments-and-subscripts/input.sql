-- +goose Up
/* outer /* inner; */ still a comment; */
SELECT tags[1], ARRAY[';'] FROM items;
SELECT E'it\'s;', $body$ a; b $body$;
