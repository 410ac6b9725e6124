package dev.toriimcp.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The outline of an output schema, as {@code tools/list} carries it: the result's property names
 * down to {@link #LEVELS} levels, and nothing else: no types, descriptions or constraints. Every
 * value the full schema accepts, the outline accepts too, so a client that checks structured
 * results against it never rejects a correct one.
 *
 * <p>The generator writes each tool's outline beside its output schema ({@link #resourceFor}), so
 * that a server lists its tools without reading the full output schemas; a server computes the
 * outline itself where that file is missing.
 */
public final class SchemaOutline {
  /**
   * How many levels of property names an outline keeps (array items do not count). One: the
   * result's envelope (where the items, the cursor and the counts are). The items' own fields are
   * what the list tools' {@code fields} argument describes, so listing them again would say it
   * twice in every client's context.
   */
  public static final int LEVELS = 1;

  private static final String OUTPUT_SUFFIX = ".output.json";

  private SchemaOutline() {}

  /**
   * The classpath resource of the outline of the output schema at {@code outputSchemaResource}:
   * {@code x.output.json} has its outline in {@code x.outline.json}.
   */
  public static String resourceFor(String outputSchemaResource) {
    String base =
        outputSchemaResource.endsWith(OUTPUT_SUFFIX)
            ? outputSchemaResource.substring(
                0, outputSchemaResource.length() - OUTPUT_SUFFIX.length())
            : outputSchemaResource;
    return base + ".outline.json";
  }

  /** The outline with {@link #LEVELS} levels of names. */
  public static ObjectNode of(ObjectNode schema) {
    return of(schema, LEVELS);
  }

  /**
   * The outline with {@code levels} levels of names (through arrays, {@code $ref}s, {@code allOf}
   * and a union with one structured branch).
   */
  public static ObjectNode of(ObjectNode schema, int levels) {
    JsonNode defs = schema.path("$defs");
    ObjectNode out = outline(schema, defs, levels, Set.of());
    ObjectNode root = out.objectNode();
    root.put("type", "object");
    root.setAll(out);
    return root;
  }

  private static ObjectNode outline(JsonNode node, JsonNode defs, int levels, Set<String> seen) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    JsonNode ref = node.path("$ref");
    if (ref.isTextual() && ref.asText().startsWith("#/$defs/")) {
      String name = ref.asText().substring("#/$defs/".length());
      JsonNode target = defs.path(name);
      if (seen.contains(name) || !target.isObject()) {
        return out;
      }
      Set<String> deeper = new HashSet<>(seen);
      deeper.add(name);
      return outline(target, defs, levels, deeper);
    }
    if (node.path("properties").isObject() && levels > 0) {
      ObjectNode props = out.putObject("properties");
      node.get("properties")
          .fields()
          .forEachRemaining(
              e -> props.set(e.getKey(), outline(e.getValue(), defs, levels - 1, seen)));
    }
    if (node.path("items").isObject()) {
      ObjectNode items = outline(node.get("items"), defs, levels, seen);
      if (!items.isEmpty()) {
        out.set("items", items);
      }
    }
    for (JsonNode part : node.path("allOf")) {
      ObjectNode o = outline(part, defs, levels, seen);
      if (o.path("properties").isObject()) {
        ((ObjectNode) out.with("properties")).setAll((ObjectNode) o.get("properties"));
      }
    }
    for (String union : new String[] {"oneOf", "anyOf"}) {
      ObjectNode only = null;
      int structured = 0;
      for (JsonNode part : node.path(union)) {
        ObjectNode o = outline(part, defs, levels, seen);
        if (!o.isEmpty()) {
          structured++;
          only = o;
        }
      }
      if (structured == 1 && out.isEmpty()) {
        return only;
      }
    }
    return out;
  }
}
