SELECT 1;
SELECT 'it's broken';
