-- just notes
-- nothing else

