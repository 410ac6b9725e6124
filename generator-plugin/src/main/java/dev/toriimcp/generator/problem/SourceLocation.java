package dev.toriimcp.generator.problem;

/**
 * Where a model node or a problem came from.
 *
 * @param file the file, relative to the project directory where possible, never absolute in output
 * @param pointer JSON pointer inside the file, or empty
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record SourceLocation(String file, String pointer, int line, int column) {

  public static SourceLocation of(String file) {
    return new SourceLocation(file, "", 0, 0);
  }

  /** {@code file:line:col}, else {@code file#pointer}, else {@code file}. */
  public String render() {
    if (line > 0) {
      return file + ":" + line + (column > 0 ? ":" + column : "");
    }
    if (!pointer.isEmpty()) {
      return file + "#" + pointer;
    }
    return file;
  }
}
