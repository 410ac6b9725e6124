package dev.toriimcp.generator.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.generator.emit.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes between two tool sets, breaking first, then by tool.
 *
 * @param baseTools how many tools the base had
 * @param headTools how many tools the head has
 * @param changes every change
 */
public record DiffReport(int baseTools, int headTools, List<Change> changes) {
  public DiffReport {
    changes = List.copyOf(changes);
  }

  public long breakingCount() {
    return changes.stream().filter(Change::breaking).count();
  }

  private long count(Change.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /** The one-line summary for build logs. */
  public String summary() {
    long changedTools =
        changes.stream()
            .filter(c -> c.kind() != Change.Kind.TOOL_ADDED && c.kind() != Change.Kind.TOOL_REMOVED)
            .map(Change::tool)
            .distinct()
            .count();
    return count(Change.Kind.TOOL_ADDED)
        + " tools added, "
        + count(Change.Kind.TOOL_REMOVED)
        + " removed, "
        + changedTools
        + " changed; "
        + breakingCount()
        + " breaking";
  }

  /** Markdown for a pull-request comment. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## MCP tool surface changes\n\n");
    md.append(baseTools)
        .append(" tools before, ")
        .append(headTools)
        .append(" after: ")
        .append(summary())
        .append(".\n\n");
    if (changes.isEmpty()) {
      md.append("No change an agent can see.\n");
      return md.toString();
    }
    md.append(
        breakingCount() > 0
            ? "**Verdict: breaking for agents.** Review the first table before merging.\n\n"
            : "**Verdict: not breaking for agents.**\n\n");
    List<Change> breaking = changes.stream().filter(Change::breaking).toList();
    if (!breaking.isEmpty()) {
      md.append("### Breaking\n\n| Tool | Change | What it means |\n| --- | --- | --- |\n");
      for (Change c : breaking) {
        md.append("| `")
            .append(c.tool())
            .append("` | ")
            .append(word(c.kind()))
            .append(" | ")
            .append(cell(c.explanation()))
            .append(" |\n");
      }
      md.append('\n');
    }
    Map<String, StringBuilder> byTool = new LinkedHashMap<>();
    for (Change c : changes) {
      if (!c.breaking()) {
        byTool
            .computeIfAbsent(c.tool(), t -> new StringBuilder())
            .append("- ")
            .append(word(c.kind()))
            .append(": ")
            .append(c.explanation())
            .append('\n');
      }
    }
    if (!byTool.isEmpty()) {
      md.append("### Not breaking\n\n");
      byTool.forEach(
          (tool, lines) ->
              md.append("**`").append(tool).append("`**\n\n").append(lines).append('\n'));
    }
    return md.toString();
  }

  /** JSON, in the same order. */
  public String json() {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("baseTools", baseTools);
    root.put("headTools", headTools);
    root.put("breaking", breakingCount());
    root.put("summary", summary());
    ArrayNode list = root.putArray("changes");
    for (Change c : changes) {
      list.addObject()
          .put("tool", c.tool())
          .put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT))
          .put("breaking", c.breaking())
          .put("explanation", c.explanation());
    }
    return Json.pretty(root);
  }

  private static String word(Change.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
