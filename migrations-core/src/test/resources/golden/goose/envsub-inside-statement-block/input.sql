-- +goose Up
-- +goose StatementBegin
-- +goose ENVSUB ON
CREATE FUNCTION ${APP_SCHEMA}.with_vat(net numeric) RETURNS numeric AS \$\$
BEGIN
	-- \$1 is the net amount; the factor comes from the environment
	RETURN \$1 * ${VAT_FACTOR};
END;
\$\$ LANGUAGE plpgsql;
-- +goose ENVSUB OFF
-- +goose StatementEnd

-- +goose Down
-- +goose ENVSUB ON
DROP FUNCTION ${APP_SCHEMA}.with_vat(numeric);
