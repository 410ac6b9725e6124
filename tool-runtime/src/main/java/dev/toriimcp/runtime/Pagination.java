package dev.toriimcp.runtime;

/**
 * How a list operation pages, mapped to the tool's {@code limit} and {@code next_cursor}.
 *
 * @param limitParameter upstream query parameter that takes the page size (Torii: {@code size})
 * @param cursorParameter upstream query parameter that takes the cursor (Torii: {@code cursor})
 * @param itemsField response field holding the page's items (e.g. {@code users})
 * @param nextCursorField response field holding the next cursor (Torii: {@code nextCursor})
 */
public record Pagination(
    String limitParameter, String cursorParameter, String itemsField, String nextCursorField) {

  /** Tool argument that carries the page size. */
  public static final String LIMIT_ARGUMENT = "limit";

  /** Tool argument and result field that carry the opaque cursor. */
  public static final String CURSOR_ARGUMENT = "next_cursor";
}
