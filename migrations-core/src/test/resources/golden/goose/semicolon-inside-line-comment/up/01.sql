SELECT 1 -- not the end; really
	+ 2;