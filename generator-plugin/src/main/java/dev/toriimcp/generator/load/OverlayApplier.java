package dev.toriimcp.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.toriimcp.generator.problem.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies OpenAPI Overlay 1.0.0 documents: each action's JSONPath {@code target} selects nodes;
 * {@code update} is merged into them (objects recursively, other values replaced; an array target
 * gets the value appended) and {@code remove: true} deletes them. A target that selects nothing is
 * an error, so that an overlay never silently stops applying after the spec changes.
 */
public final class OverlayApplier {
  private static final Configuration PATHS =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS)
          .build();

  private OverlayApplier() {}

  /** Applies one overlay document to the description {@code target} in place. */
  public static void apply(LocatedDocument overlay, LocatedDocument target, Problems problems) {
    JsonNode root = overlay.root();
    if (!root.isObject()) {
      problems.error(
          "TORII-OVERLAY-001", "an overlay document must be a mapping", overlay.locate(""));
      return;
    }
    JsonNode version = root.path("overlay");
    if (!version.isTextual() || !version.asText().matches("1\\.0\\.\\d+")) {
      problems.error(
          "TORII-OVERLAY-001",
          "not an OpenAPI Overlay 1.0 document: `overlay: 1.0.0` is missing or has another version",
          overlay.locate("/overlay"));
      return;
    }
    JsonNode actions = root.path("actions");
    if (!actions.isArray() || actions.isEmpty()) {
      problems.error(
          "TORII-OVERLAY-001", "an overlay needs a non-empty `actions` list", overlay.locate(""));
      return;
    }
    for (int i = 0; i < actions.size(); i++) {
      applyAction(overlay, actions.get(i), "/actions/" + i, target, problems);
    }
  }

  private static void applyAction(
      LocatedDocument overlay,
      JsonNode action,
      String at,
      LocatedDocument target,
      Problems problems) {
    ObjectNode doc = (ObjectNode) target.root();
    JsonNode targetNode = action.path("target");
    if (!targetNode.isTextual() || !targetNode.asText().startsWith("$")) {
      problems.error(
          "TORII-OVERLAY-003",
          "action needs a `target` JSONPath starting with `$`",
          overlay.locate(at));
      return;
    }
    String expr = targetNode.asText();
    boolean remove = action.path("remove").asBoolean(false);
    JsonNode update = action.get("update");
    if (!remove && update == null) {
      problems.error(
          "TORII-OVERLAY-004",
          "action on " + expr + " has neither `update` nor `remove: true`",
          overlay.locate(at));
      return;
    }
    List<List<Object>> paths;
    try {
      JsonPath compiled = JsonPath.compile(expr);
      Object found = JsonPath.using(PATHS).parse(doc).read(compiled);
      paths = new ArrayList<>();
      if (found instanceof Iterable<?> list) {
        for (Object p : list) {
          List<Object> path = parsePath(p instanceof JsonNode n ? n.asText() : String.valueOf(p));
          // A definite path (an array index, say) is listed even where nothing is there.
          if (nodeAt(doc, path) != null) {
            paths.add(path);
          }
        }
      }
    } catch (PathNotFoundException e) {
      paths = List.of();
    } catch (InvalidPathException e) {
      problems.error(
          "TORII-OVERLAY-003",
          "target " + expr + " is not valid JSONPath: " + firstLine(e.getMessage()),
          overlay.locate(at + "/target"));
      return;
    }
    if (paths.isEmpty()) {
      problems.error(
          "TORII-OVERLAY-002",
          "target " + expr + " matches nothing",
          overlay.locate(at + "/target"));
      return;
    }
    if (remove) {
      // Remove deepest/last first so that array indexes stay valid.
      paths.sort(Comparator.comparing((List<Object> p) -> p.toString()).reversed());
      for (List<Object> p : paths) {
        removeAt(doc, p);
      }
      return;
    }
    for (List<Object> p : paths) {
      JsonNode node = nodeAt(doc, p);
      String pointer = pointer(p);
      if (node instanceof ArrayNode array) {
        target.overlaid(pointer + "/" + array.size(), overlay.locate(at + "/update"));
        array.add(update.deepCopy());
      } else if (node instanceof ObjectNode object && update.isObject()) {
        merge(object, (ObjectNode) update, pointer, overlay, at + "/update", target);
      } else {
        problems.error(
            "TORII-OVERLAY-004",
            "target "
                + expr
                + " selects a "
                + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + "; `update` can only merge an object into an object or append to an array",
            overlay.locate(at + "/update"));
      }
    }
  }

  /**
   * Recursive merge: objects merge, everything else replaces. Each node set is recorded as coming
   * from the overlay line that set it.
   */
  private static void merge(
      ObjectNode into,
      ObjectNode from,
      String pointer,
      LocatedDocument overlay,
      String overlayPointer,
      LocatedDocument target) {
    Iterator<Map.Entry<String, JsonNode>> it = from.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = DocumentReader.escape(e.getKey());
      JsonNode existing = into.get(e.getKey());
      if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
        merge(eo, vo, pointer + "/" + key, overlay, overlayPointer + "/" + key, target);
      } else {
        into.set(e.getKey(), e.getValue().deepCopy());
        target.overlaid(pointer + "/" + key, overlay.locate(overlayPointer + "/" + key));
      }
    }
  }

  private static String pointer(List<Object> path) {
    StringBuilder sb = new StringBuilder();
    for (Object step : path) {
      sb.append('/')
          .append(step instanceof Integer i ? i.toString() : DocumentReader.escape((String) step));
    }
    return sb.toString();
  }

  private static JsonNode nodeAt(JsonNode root, List<Object> path) {
    JsonNode n = root;
    for (Object step : path) {
      if (n == null) {
        return null;
      }
      n = step instanceof Integer i ? n.get(i) : n.get((String) step);
    }
    return n;
  }

  private static void removeAt(JsonNode root, List<Object> path) {
    if (path.isEmpty()) {
      return;
    }
    JsonNode parent = nodeAt(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode o && last instanceof String s) {
      o.remove(s);
    } else if (parent instanceof ArrayNode a && last instanceof Integer i) {
      a.remove(i);
    }
  }

  /** Parses jayway's normalised paths such as {@code $['paths']['/users'][0]}. */
  static List<Object> parsePath(String normalized) {
    List<Object> out = new ArrayList<>();
    int i = 1; // skip '$'
    while (i < normalized.length()) {
      if (normalized.charAt(i) != '[') {
        throw new IllegalArgumentException("unexpected path " + normalized);
      }
      i++;
      if (normalized.charAt(i) == '\'') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (normalized.charAt(i) != '\'') {
          char c = normalized.charAt(i);
          if (c == '\\' && i + 1 < normalized.length()) {
            i++;
            c = normalized.charAt(i);
          }
          sb.append(c);
          i++;
        }
        out.add(sb.toString());
        i += 2; // closing quote and bracket
      } else {
        int end = normalized.indexOf(']', i);
        out.add(Integer.parseInt(normalized.substring(i, end)));
        i = end + 1;
      }
    }
    return out;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
