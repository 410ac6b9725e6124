package dev.toriimcp.generator.model;

/**
 * Cursor pagination of a list operation.
 *
 * @param limitParameter upstream page-size query parameter
 * @param cursorParameter upstream cursor query parameter
 * @param itemsField response field with the items
 * @param nextCursorField response field with the next cursor
 */
public record PaginationModel(
    String limitParameter, String cursorParameter, String itemsField, String nextCursorField) {}
