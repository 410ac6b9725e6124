package dev.toriimcp.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Schema profiles for clients with limited JSON Schema support. {@code standard} is the generated
 * schema as is. {@code portable} has no {@code $ref}/{@code $defs} (definitions are inlined, and a
 * recursive one is cut after a few levels to an open object), no {@code $schema}, and a root that
 * is a plain object: no unions, conditionals or name rules at the top.
 *
 * <p>Inlining a densely connected description (Stripe's, say) would repeat the same definitions
 * down every path, growing without bound; once the inlined definitions reach {@link #MAX_INLINED}
 * bytes, further references are cut the same way.
 */
public final class SchemaProfiles {
  /** How deep a definition may be inlined inside itself before it is cut. */
  static final int MAX_DEPTH = 3;

  /** How many bytes of definitions one portable schema may inline in all. */
  static final int MAX_INLINED = 64 * 1024;

  /** The definitions of one schema, their compact sizes, and the bytes inlined so far. */
  private static final class Inlining {
    final ObjectNode defs;
    final Map<String, Integer> sizes = new java.util.HashMap<>();
    long inlined;

    Inlining(ObjectNode defs) {
      this.defs = defs;
    }

    int size(String name, JsonNode def) {
      return sizes.computeIfAbsent(name, n -> def.toString().length());
    }
  }

  /**
   * How many levels of property names a listed outline keeps (array items do not count). One: the
   * result's envelope (where the items, the cursor and the counts are). The items' own fields are
   * what the list tools' {@code fields} argument describes, so listing them again would say it
   * twice in every client's context.
   */
  static final int OUTLINE_LEVELS = 1;

  private SchemaProfiles() {}

  /**
   * The outline of an output schema, as {@code tools/list} carries it: the result's property names
   * down to {@link #OUTLINE_LEVELS} levels, and nothing else: no types, descriptions or
   * constraints. Every value the full schema accepts, the outline accepts too, so a client that
   * checks structured results against it never rejects a correct one. The full schema stays in the
   * generated files and in the discovery exposure's {@code get_tool_schema}.
   */
  public static ObjectNode outline(ObjectNode schema) {
    return outline(schema, OUTLINE_LEVELS);
  }

  /**
   * The outline with {@code levels} levels of names (through arrays, {@code $ref}s, {@code allOf}
   * and a union with one structured branch).
   */
  static ObjectNode outline(ObjectNode schema, int levels) {
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

  public static ObjectNode portable(ObjectNode schema) {
    ObjectNode defs = schema.path("$defs").isObject() ? (ObjectNode) schema.get("$defs") : null;
    ObjectNode out = (ObjectNode) inline(schema, new Inlining(defs), Map.of());
    out.remove("$defs");
    out.remove("$schema");
    for (String k :
        new String[] {
          "oneOf",
          "anyOf",
          "allOf",
          "not",
          "if",
          "then",
          "else",
          "propertyNames",
          "patternProperties"
        }) {
      out.remove(k);
    }
    out.put("type", "object");
    return out;
  }

  private static JsonNode inline(JsonNode node, Inlining ctx, Map<String, Integer> seen) {
    ObjectNode defs = ctx.defs;
    if (node.isArray()) {
      ArrayNode a = node.deepCopy();
      for (int i = 0; i < a.size(); i++) {
        a.set(i, inline(a.get(i), ctx, seen));
      }
      return a;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode obj = (ObjectNode) node;
    JsonNode ref = obj.get("$ref");
    if (ref != null && ref.isTextual() && ref.asText().startsWith("#/$defs/") && defs != null) {
      String name = ref.asText().substring("#/$defs/".length());
      int depth = seen.getOrDefault(name, 0);
      ObjectNode target = defs.get(name) instanceof ObjectNode t ? t : null;
      ObjectNode result;
      if (target == null
          || depth >= MAX_DEPTH
          || ctx.inlined + ctx.size(name, target) > MAX_INLINED) {
        result = obj.objectNode();
        result.put("type", "object");
        result.put("description", "(nested " + name + ", not expanded further)");
      } else {
        Map<String, Integer> deeper = new java.util.HashMap<>(seen);
        deeper.put(name, depth + 1);
        ctx.inlined += ctx.size(name, target);
        result = (ObjectNode) inline(target, ctx, deeper);
      }
      Iterator<Map.Entry<String, JsonNode>> siblings = obj.fields();
      while (siblings.hasNext()) {
        Map.Entry<String, JsonNode> e = siblings.next();
        if (!e.getKey().equals("$ref")) {
          result.set(e.getKey(), inline(e.getValue(), ctx, seen));
        }
      }
      return result;
    }
    ObjectNode copy = obj.objectNode();
    obj.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("$defs") && !e.getKey().equals("$comment")) {
                copy.set(e.getKey(), inline(e.getValue(), ctx, seen));
              }
            });
    return copy;
  }
}
