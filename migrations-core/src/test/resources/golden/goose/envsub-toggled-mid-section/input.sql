-- +goose Up
INSERT INTO deploy_notes (note) VALUES ('$OWNER owns ${SERVICE}');
-- +goose ENVSUB ON
INSERT INTO deploy_notes (note) VALUES ('$OWNER owns ${SERVICE}');
INSERT INTO deploy_notes (note) VALUES ('tier ${TIER:-standard}, suffix [${SUFFIX-none}]');
-- +goose ENVSUB OFF
INSERT INTO deploy_notes (note) VALUES ('$OWNER owns ${SERVICE}');
INSERT INTO deploy_notes (note) VALUES ('tier ${TIER:-standard}, suffix [${SUFFIX-none}]');
