SELECT 1--1;
SELECT 2 -- a comment; not the end
;
