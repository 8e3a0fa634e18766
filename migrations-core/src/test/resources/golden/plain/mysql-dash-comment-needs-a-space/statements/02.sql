SELECT 2 -- a comment; not the end
;