package dev.migrations.parser;

/**
 * A parsed goose migration file.
 *
 * @param up the statements of the {@code -- +goose Up} section
 * @param down the statements of the {@code -- +goose Down} section (empty when the file
 * has none)
 * @param transactional {@code false} when the file carries
 * {@code -- +goose NO TRANSACTION}
 */
public record GooseScript(ParsedSection up, ParsedSection down, boolean transactional) {
}
