package dev.toriimcp.generator.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.generator.diff.Change.Kind;
import dev.toriimcp.generator.model.ToolModel;
import dev.toriimcp.generator.model.ToolSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two tool sets as an agent sees them and says, change by change, whether something that
 * worked before can now fail (breaking) or not. Works on the model, after overlays, so a renamed
 * operation, a new required argument or a removed enum value is found whatever the YAML looked
 * like.
 *
 * <p>Rules: a removed or renamed tool, a removed argument, a new required argument, an optional
 * argument becoming required, a narrowed type, an added or changed format, removed enum values (or
 * an enum where there was none), a removed result field or a changed result type, and a read tool
 * becoming a write tool are breaking. New tools, new optional arguments, required arguments
 * becoming optional, widened types, added enum values, removed formats or enums, new result fields,
 * and changes to descriptions, titles, defaults, tags, rate limits and other annotations are not.
 */
public final class ToolSurfaceDiff {
  private ToolSurfaceDiff() {}

  public static DiffReport compare(ToolSet base, ToolSet head) {
    List<Change> changes = new ArrayList<>();
    Map<String, ToolModel> baseByKey = index(base);
    Map<String, ToolModel> headByKey = index(head);
    for (Map.Entry<String, ToolModel> e : baseByKey.entrySet()) {
      ToolModel before = e.getValue();
      ToolModel after = headByKey.get(e.getKey());
      if (after == null) {
        changes.add(
            new Change(
                before.name(),
                Kind.TOOL_REMOVED,
                true,
                "tool " + before.name() + " was removed: agents that call it will fail"));
      } else {
        compareTool(before, after, changes);
      }
    }
    for (Map.Entry<String, ToolModel> e : headByKey.entrySet()) {
      if (!baseByKey.containsKey(e.getKey())) {
        ToolModel t = e.getValue();
        changes.add(
            new Change(
                t.name(),
                Kind.TOOL_ADDED,
                false,
                "new tool " + t.name() + " (" + t.method() + " " + t.pathTemplate() + ")"));
      }
    }
    changes.sort(
        Comparator.comparing(Change::breaking)
            .reversed()
            .thenComparing(Change::tool)
            .thenComparing(Change::kind)
            .thenComparing(Change::explanation));
    return new DiffReport(base.tools().size(), head.tools().size(), changes);
  }

  /** Tools by operationId (or method and path when two share none). */
  private static Map<String, ToolModel> index(ToolSet set) {
    Map<String, ToolModel> out = new LinkedHashMap<>();
    for (ToolModel t : set.tools()) {
      String key = "op:" + t.operationId();
      if (out.containsKey(key)) {
        key = "path:" + t.method() + " " + t.pathTemplate();
      }
      out.put(key, t);
    }
    return out;
  }

  private static void compareTool(ToolModel a, ToolModel b, List<Change> out) {
    String tool = b.name();
    if (!a.name().equals(b.name())) {
      out.add(
          new Change(
              tool,
              Kind.TOOL_RENAMED,
              true,
              "tool "
                  + a.name()
                  + " is now named "
                  + b.name()
                  + ": agents that call the old name will fail"));
    }
    if (a.readOnly() && !b.readOnly()) {
      out.add(
          new Change(
              tool,
              Kind.ACCESS_CHANGED,
              true,
              tool
                  + " now writes ("
                  + a.verb().word()
                  + " -> "
                  + b.verb().word()
                  + "): read-only endpoints no longer expose it"));
    } else if (a.verb() != b.verb()) {
      out.add(
          new Change(
              tool,
              Kind.ACCESS_CHANGED,
              false,
              tool + " verb class " + a.verb().word() + " -> " + b.verb().word()));
    }
    if (!a.annotations().equals(b.annotations()) && a.readOnly() == b.readOnly()) {
      out.add(
          new Change(
              tool,
              Kind.ANNOTATIONS_CHANGED,
              false,
              tool + " annotations " + a.annotations() + " -> " + b.annotations()));
    }
    if (!a.tags().equals(b.tags())) {
      out.add(
          new Change(
              tool,
              Kind.TAGS_CHANGED,
              false,
              tool + " tags " + a.tags() + " -> " + b.tags() + " (check tag-filtered endpoints)"));
    }
    if (!a.rateLimitPerMinute().equals(b.rateLimitPerMinute())) {
      out.add(
          new Change(
              tool,
              Kind.RATE_LIMIT_CHANGED,
              false,
              tool + " rate limit " + perMinute(a) + " -> " + perMinute(b)));
    }
    if (!a.pagination().equals(b.pagination())) {
      out.add(
          new Change(
              tool,
              Kind.PAGINATION_CHANGED,
              a.pagination().isPresent() && b.pagination().isEmpty(),
              tool
                  + (b.pagination().isPresent()
                      ? (a.pagination().isPresent()
                          ? " pages differently"
                          : " now pages with limit and next_cursor")
                      : " no longer pages: limit and next_cursor are gone")));
    }
    if (!a.fixedParameters().equals(b.fixedParameters())) {
      out.add(
          new Change(
              tool,
              Kind.PINNED_CHANGED,
              false,
              tool + " sends pinned values " + pinned(a) + " -> " + pinned(b)));
    }
    // A derived title follows the name, so it only counts when the name stayed.
    boolean titleChanged = a.name().equals(b.name()) && !a.title().equals(b.title());
    if (!a.description().equals(b.description()) || titleChanged) {
      out.add(new Change(tool, Kind.DESCRIPTION_CHANGED, false, tool + " description changed"));
    }
    compareObject(
        tool, "", a.inputSchema(), a.inputSchema(), b.inputSchema(), b.inputSchema(), true, out);
    if (a.outputSchema().isPresent() || b.outputSchema().isPresent()) {
      if (b.outputSchema().isEmpty()) {
        out.add(
            new Change(
                tool, Kind.OUTPUT_CHANGED, true, tool + " no longer declares a structured result"));
      } else if (a.outputSchema().isEmpty()) {
        out.add(
            new Change(
                tool, Kind.OUTPUT_CHANGED, false, tool + " now declares a structured result"));
      } else {
        compareObject(
            tool,
            "",
            a.outputSchema().get(),
            a.outputSchema().get(),
            b.outputSchema().get(),
            b.outputSchema().get(),
            false,
            out);
      }
    }
  }

  /**
   * Compares the properties of two object schemas; {@code input} picks argument or result rules.
   */
  private static void compareObject(
      String tool,
      String prefix,
      JsonNode aDoc,
      JsonNode a,
      JsonNode bDoc,
      JsonNode b,
      boolean input,
      List<Change> out) {
    JsonNode ap = resolve(aDoc, a).path("properties");
    JsonNode bp = resolve(bDoc, b).path("properties");
    Set<String> aReq = names(resolve(aDoc, a).path("required"));
    Set<String> bReq = names(resolve(bDoc, b).path("required"));
    Set<String> all = new LinkedHashSet<>();
    ap.fieldNames().forEachRemaining(all::add);
    bp.fieldNames().forEachRemaining(all::add);
    String what = input ? "argument" : "result field";
    for (String name : all) {
      String path = prefix + name;
      boolean inA = ap.has(name);
      boolean inB = bp.has(name);
      if (inA && !inB) {
        out.add(
            new Change(
                tool,
                input ? Kind.ARGUMENT_REMOVED : Kind.OUTPUT_CHANGED,
                true,
                tool
                    + " "
                    + what
                    + " "
                    + path
                    + " was removed"
                    + (input
                        ? ": calls that pass it will be rejected"
                        : ": agents reading it get nothing")));
        continue;
      }
      if (!inA) {
        boolean required = input && bReq.contains(name);
        out.add(
            new Change(
                tool,
                input ? Kind.ARGUMENT_ADDED : Kind.OUTPUT_CHANGED,
                required,
                input
                    ? (required
                        ? tool
                            + " has a new required argument "
                            + path
                            + ": calls without it will be rejected"
                        : tool + " has a new optional argument " + path)
                    : tool + " result has a new field " + path));
        continue;
      }
      if (input) {
        boolean wasRequired = aReq.contains(name);
        boolean isRequired = bReq.contains(name);
        if (!wasRequired && isRequired) {
          out.add(
              new Change(
                  tool,
                  Kind.REQUIRED_CHANGED,
                  true,
                  tool
                      + " argument "
                      + path
                      + " is now required: calls without it will be rejected"));
        } else if (wasRequired && !isRequired) {
          out.add(
              new Change(
                  tool,
                  Kind.REQUIRED_CHANGED,
                  false,
                  tool + " argument " + path + " is now optional"));
        }
      }
      compareValue(tool, path, what, aDoc, ap.get(name), bDoc, bp.get(name), input, out, 0);
    }
  }

  private static void compareValue(
      String tool,
      String path,
      String what,
      JsonNode aDoc,
      JsonNode aRaw,
      JsonNode bDoc,
      JsonNode bRaw,
      boolean input,
      List<Change> out,
      int depth) {
    if (depth > 8) {
      return;
    }
    JsonNode a = resolve(aDoc, aRaw);
    JsonNode b = resolve(bDoc, bRaw);
    Set<String> at = types(a);
    Set<String> bt = types(b);
    if (!at.equals(bt) && !at.isEmpty() && !bt.isEmpty()) {
      boolean widened = widened(at, bt);
      boolean breaking = input ? !widened : !widened(bt, at);
      out.add(
          new Change(
              tool,
              Kind.TYPE_CHANGED,
              breaking,
              tool
                  + " "
                  + what
                  + " "
                  + path
                  + " type "
                  + String.join("|", at)
                  + " -> "
                  + String.join("|", bt)));
    }
    String af = a.path("format").asText(null);
    String bf = b.path("format").asText(null);
    if (!Objects.equals(af, bf)) {
      boolean breaking = input && bf != null;
      out.add(
          new Change(
              tool,
              Kind.FORMAT_CHANGED,
              breaking,
              tool
                  + " "
                  + what
                  + " "
                  + path
                  + " format "
                  + (af == null ? "none" : af)
                  + " -> "
                  + (bf == null ? "none" : bf)));
    }
    Set<String> ae = enumValues(a);
    Set<String> be = enumValues(b);
    if (!Objects.equals(ae, be)) {
      if (ae == null) {
        out.add(
            new Change(
                tool,
                Kind.ENUM_CHANGED,
                input,
                tool + " " + what + " " + path + " is now limited to " + String.join(", ", be)));
      } else if (be == null) {
        out.add(
            new Change(
                tool,
                Kind.ENUM_CHANGED,
                !input,
                tool + " " + what + " " + path + " is no longer limited to a list of values"));
      } else {
        Set<String> removed = new TreeSet<>(ae);
        removed.removeAll(be);
        Set<String> added = new TreeSet<>(be);
        added.removeAll(ae);
        if (!removed.isEmpty()) {
          out.add(
              new Change(
                  tool,
                  Kind.ENUM_CHANGED,
                  input,
                  tool
                      + " "
                      + what
                      + " "
                      + path
                      + " no longer accepts "
                      + String.join(", ", removed)));
        }
        if (!added.isEmpty()) {
          out.add(
              new Change(
                  tool,
                  Kind.ENUM_CHANGED,
                  !input,
                  tool + " " + what + " " + path + " also accepts " + String.join(", ", added)));
        }
      }
    }
    if (input && !Objects.equals(a.get("default"), b.get("default"))) {
      out.add(
          new Change(
              tool,
              Kind.DEFAULT_CHANGED,
              false,
              tool
                  + " argument "
                  + path
                  + " default "
                  + text(a.get("default"))
                  + " -> "
                  + text(b.get("default"))));
    }
    if (input
        && !Objects.equals(a.path("description").asText(""), b.path("description").asText(""))) {
      out.add(
          new Change(
              tool,
              Kind.DESCRIPTION_CHANGED,
              false,
              tool + " argument " + path + " description changed"));
    }
    if (a.has("properties") || b.has("properties")) {
      compareObject(tool, path + ".", aDoc, a, bDoc, b, input, out);
    }
    if (a.has("items") && b.has("items")) {
      compareValue(
          tool,
          path + "[]",
          what,
          aDoc,
          a.get("items"),
          bDoc,
          b.get("items"),
          input,
          out,
          depth + 1);
    }
  }

  /** Follows {@code $ref} into the document's {@code $defs}. */
  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    JsonNode n = node;
    for (int i = 0; i < 8 && n != null && n.has("$ref"); i++) {
      String ref = n.get("$ref").asText();
      n = ref.startsWith("#") ? doc.at(ref.substring(1)) : null;
    }
    return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
  }

  private static Set<String> types(JsonNode s) {
    Set<String> out = new TreeSet<>();
    JsonNode t = s.get("type");
    if (t == null) {
      return out;
    }
    if (t.isArray()) {
      t.forEach(x -> out.add(x.asText()));
    } else {
      out.add(t.asText());
    }
    return out;
  }

  /** Whether every value of {@code from} is still accepted by {@code to}. */
  private static boolean widened(Set<String> from, Set<String> to) {
    for (String t : from) {
      if (!to.contains(t) && !(t.equals("integer") && to.contains("number"))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> enumValues(JsonNode s) {
    if (!s.has("enum")) {
      return null;
    }
    Set<String> out = new TreeSet<>();
    s.get("enum").forEach(v -> out.add(v.isTextual() ? v.asText() : v.toString()));
    return out;
  }

  private static Set<String> names(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String text(JsonNode n) {
    return n == null ? "none" : n.toString();
  }

  private static String pinned(ToolModel t) {
    return t.fixedParameters().isEmpty()
        ? "(none)"
        : t.fixedParameters().stream()
            .map(f -> f.location().word() + " " + f.wireName() + ": " + f.value())
            .collect(java.util.stream.Collectors.joining(", "));
  }

  private static String perMinute(ToolModel t) {
    return t.rateLimitPerMinute().isPresent() ? t.rateLimitPerMinute().getAsInt() + "/min" : "none";
  }
}
