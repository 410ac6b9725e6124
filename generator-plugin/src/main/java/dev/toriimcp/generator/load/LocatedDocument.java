package dev.toriimcp.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.generator.problem.SourceLocation;
import java.util.Map;

/**
 * A JSON or YAML document read as a Jackson tree, with the line and column of every node.
 *
 * @param file the file name used in messages (relative, never absolute)
 * @param root the tree
 * @param lines JSON pointer to {line, column} where the node starts
 */
public record LocatedDocument(String file, JsonNode root, Map<String, int[]> lines) {

  public LocatedDocument {
    lines = Map.copyOf(lines);
  }

  /** The location of the node at a JSON pointer, or of its nearest located ancestor. */
  public SourceLocation locate(String pointer) {
    String p = pointer;
    while (true) {
      int[] lc = lines.get(p);
      if (lc != null) {
        return new SourceLocation(file, pointer, lc[0], lc[1]);
      }
      if (p.isEmpty()) {
        return new SourceLocation(file, pointer, 0, 0);
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }
}
