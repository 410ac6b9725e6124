package dev.toriimcp.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.generator.problem.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON or YAML document read as a Jackson tree, with the line and column of every node, and for
 * nodes that overlays put there, the overlay line they came from.
 */
public final class LocatedDocument {
  private final String file;
  private final JsonNode root;
  private final Locations lines;
  private final Map<String, SourceLocation> overlaid = new HashMap<>();

  /**
   * @param file the file name used in messages (relative, never absolute)
   * @param root the tree
   * @param lines JSON pointer to {line, column} where the node starts
   */
  public LocatedDocument(String file, JsonNode root, Map<String, int[]> lines) {
    this(file, root, new Locations.ByPointer(Map.copyOf(lines)));
  }

  LocatedDocument(String file, JsonNode root, Locations lines) {
    this.file = file;
    this.root = root;
    this.lines = lines;
  }

  public String file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** Records that an overlay set the node at {@code pointer}. */
  void overlaid(String pointer, SourceLocation from) {
    overlaid.put(pointer, from);
  }

  /**
   * The location of the node at a JSON pointer: the overlay line that set it, else its own line,
   * else that of its nearest located ancestor.
   */
  public SourceLocation locate(String pointer) {
    String p = pointer;
    while (true) {
      SourceLocation fromOverlay = overlaid.get(p);
      if (fromOverlay != null) {
        return fromOverlay;
      }
      long lc = lines.find(p);
      if (lc != Locations.NONE) {
        return new SourceLocation(file, pointer, Locations.line(lc), Locations.column(lc));
      }
      if (p.isEmpty()) {
        return new SourceLocation(file, pointer, 0, 0);
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }
}
