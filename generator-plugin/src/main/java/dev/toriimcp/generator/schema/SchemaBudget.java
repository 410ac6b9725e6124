package dev.toriimcp.generator.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Keeps one tool's schema within a size budget. Large, densely connected descriptions (Stripe,
 * GitHub) make a tool's {@code $defs} reach megabytes, which clients send to the model with every
 * {@code tools/list}. Definitions are cut furthest from the root first: a reference to a cut
 * definition becomes an unconstrained schema with a {@code $comment}, so the document stays valid,
 * and the arguments or results it describes pass through unchecked by us (the API still checks
 * them).
 */
public final class SchemaBudget {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PREFIX = "#/$defs/";

  public SchemaBudget() {}

  /** Sizes of definitions, by identity: definitions are shared between the schemas of one run. */
  private final Map<JsonNode, Integer> sizes = new IdentityHashMap<>();

  /** Compact JSON size in bytes. */
  public static int size(JsonNode schema) {
    try {
      return MAPPER.writeValueAsBytes(schema).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private int sizeOf(JsonNode def) {
    return sizes.computeIfAbsent(def, SchemaBudget::size);
  }

  /**
   * Cuts {@code schema}'s definitions until its compact size is about {@code maxBytes} or less. The
   * size is estimated from the sizes of the root and of each definition, which are computed once
   * per run.
   *
   * @return the deepest definition level kept, or empty when nothing had to be cut
   */
  public OptionalInt fit(ObjectNode schema, int maxBytes) {
    return fit(schema, maxBytes, null);
  }

  /**
   * A cut: the deepest definition level kept, and the schema's compact size before the cut.
   *
   * @param depth the deepest definition level kept
   * @param sizeBefore compact size in bytes before anything was cut
   */
  public record Cut(int depth, int sizeBefore) {}

  /**
   * {@link #fit(ObjectNode, int)}, also giving the size before the cut; that size is measured only
   * when something is cut.
   */
  public Optional<Cut> fitMeasured(ObjectNode schema, int maxBytes) {
    int[] before = new int[1];
    OptionalInt depth = fit(schema, maxBytes, before);
    return depth.isPresent() ? Optional.of(new Cut(depth.getAsInt(), before[0])) : Optional.empty();
  }

  private OptionalInt fit(ObjectNode schema, int maxBytes, int[] sizeBefore) {
    JsonNode defsNode = schema.get("$defs");
    if (defsNode == null || !defsNode.isObject()) {
      return OptionalInt.empty();
    }
    ObjectNode defs = (ObjectNode) defsNode;
    ObjectNode root = schema.deepCopy();
    root.remove("$defs");
    int rootSize = size(root);
    Map<String, Integer> defSizes = new HashMap<>();
    long total = rootSize;
    Iterator<Map.Entry<String, JsonNode>> it = defs.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      int size = sizeOf(e.getValue()) + e.getKey().length() + 4;
      defSizes.put(e.getKey(), size);
      total += size;
    }
    if (total <= maxBytes) {
      return OptionalInt.empty();
    }
    if (sizeBefore != null) {
      sizeBefore[0] = size(schema);
    }
    Map<String, Integer> depth = depths(root, defs);
    int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    int keep = deepest - 1;
    while (keep >= 0) {
      long estimate = rootSize;
      for (Map.Entry<String, Integer> d : depth.entrySet()) {
        if (d.getValue() <= keep) {
          estimate += defSizes.getOrDefault(d.getKey(), 0);
        }
      }
      if (estimate <= maxBytes) {
        break;
      }
      keep--;
    }
    int k = keep;
    ObjectNode kept = MAPPER.createObjectNode();
    it = defs.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (depth.getOrDefault(e.getKey(), Integer.MAX_VALUE) <= k) {
        kept.set(e.getKey(), cut(e.getValue().deepCopy(), depth, k));
      }
    }
    ObjectNode candidate = (ObjectNode) cut(root, depth, k);
    if (!kept.isEmpty()) {
      candidate.set("$defs", kept);
    }
    schema.removeAll();
    schema.setAll(candidate);
    return OptionalInt.of(Math.max(k, 0));
  }

  /** Breadth-first distance of every definition from the root (0 = referenced by the root). */
  private static Map<String, Integer> depths(ObjectNode root, ObjectNode defs) {
    Map<String, Integer> depth = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    ObjectNode rootOnly = root.deepCopy();
    rootOnly.remove("$defs");
    for (String ref : refs(rootOnly, new LinkedHashMap<>()).keySet()) {
      if (depth.putIfAbsent(ref, 0) == null) {
        queue.add(ref);
      }
    }
    while (!queue.isEmpty()) {
      String name = queue.poll();
      JsonNode def = defs.get(name);
      if (def == null) {
        continue;
      }
      for (String ref : refs(def, new LinkedHashMap<>()).keySet()) {
        if (depth.putIfAbsent(ref, depth.get(name) + 1) == null) {
          queue.add(ref);
        }
      }
    }
    return depth;
  }

  private static Map<String, Boolean> refs(JsonNode node, Map<String, Boolean> into) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
        into.put(ref.asText().substring(PREFIX.length()), true);
      }
      node.forEach(child -> refs(child, into));
    } else if (node.isArray()) {
      node.forEach(child -> refs(child, into));
    }
    return into;
  }

  /** Replaces references to definitions deeper than {@code keep} by a commented open schema. */
  private static JsonNode cut(JsonNode node, Map<String, Integer> depth, int keep) {
    if (node.isObject()) {
      ObjectNode obj = (ObjectNode) node;
      JsonNode ref = obj.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
        String name = ref.asText().substring(PREFIX.length());
        if (depth.getOrDefault(name, Integer.MAX_VALUE) > keep) {
          obj.remove("$ref");
          obj.put("$comment", "detail of " + name + " left out to keep this schema small");
        }
      }
      Map<String, JsonNode> replaced = new HashMap<>();
      obj.fields().forEachRemaining(e -> replaced.put(e.getKey(), cut(e.getValue(), depth, keep)));
      replaced.forEach(obj::set);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) node)
            .set(i, cut(node.get(i), depth, keep));
      }
    }
    return node;
  }
}
