CREATE OR REPLACE FUNCTION shelf_label(code text) RETURNS text AS '
DECLARE
	banner text;
BEGIN
	IF code = '''' THEN
		RETURN ''unshelved; ask at the desk'';
	END IF;
	banner := ''''''''''[shelf]'''''''''';
	RETURN banner || '' '' || code;
END;
' LANGUAGE plpgsql; -- body quoted the pre-8.0 way
-- still part of the statement: it comes before StatementEnd