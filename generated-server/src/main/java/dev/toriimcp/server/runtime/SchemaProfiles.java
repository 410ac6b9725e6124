package dev.toriimcp.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Schema profiles for clients with limited JSON Schema support. {@code standard} is the generated
 * schema as is. {@code portable} has no {@code $ref}/{@code $defs} (definitions are inlined, and a
 * recursive one is cut after a few levels to an open object), no {@code $schema}, and a root that
 * is a plain object: no unions, conditionals or name rules at the top.
 */
public final class SchemaProfiles {
  /** How deep a definition may be inlined inside itself before it is cut. */
  static final int MAX_DEPTH = 3;

  private SchemaProfiles() {}

  public static ObjectNode portable(ObjectNode schema) {
    ObjectNode defs = schema.path("$defs").isObject() ? (ObjectNode) schema.get("$defs") : null;
    ObjectNode out = (ObjectNode) inline(schema, defs, Map.of());
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

  private static JsonNode inline(JsonNode node, ObjectNode defs, Map<String, Integer> seen) {
    if (node.isArray()) {
      ArrayNode a = node.deepCopy();
      for (int i = 0; i < a.size(); i++) {
        a.set(i, inline(a.get(i), defs, seen));
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
      if (target == null || depth >= MAX_DEPTH) {
        result = obj.objectNode();
        result.put("type", "object");
        result.put("description", "(nested " + name + ", not expanded further)");
      } else {
        Map<String, Integer> deeper = new java.util.HashMap<>(seen);
        deeper.put(name, depth + 1);
        result = (ObjectNode) inline(target, defs, deeper);
      }
      Iterator<Map.Entry<String, JsonNode>> siblings = obj.fields();
      while (siblings.hasNext()) {
        Map.Entry<String, JsonNode> e = siblings.next();
        if (!e.getKey().equals("$ref")) {
          result.set(e.getKey(), inline(e.getValue(), defs, seen));
        }
      }
      return result;
    }
    ObjectNode copy = obj.objectNode();
    obj.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("$defs") && !e.getKey().equals("$comment")) {
                copy.set(e.getKey(), inline(e.getValue(), defs, seen));
              }
            });
    return copy;
  }
}
