/* outer /* inner; */ still a comment; */
SELECT tags[1], ARRAY[';'] FROM items;