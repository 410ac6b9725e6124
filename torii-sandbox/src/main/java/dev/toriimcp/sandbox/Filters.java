package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Torii's filters: simple {@code key=value} query parameters and the {@code filters} JSON parameter
 * (an array of {@code {key, op, value}} ANDed together, or an array of {@code {id, filters}} groups
 * ORed together).
 *
 * <p>Keys may be dotted ({@code primaryOwner.email}). A scalar compared with an object field
 * compares with the object's {@code id} (users) or {@code value} (money).
 */
final class Filters {
  static final Set<String> OPERATIONS =
      Set.of(
          "equals",
          "notEquals",
          "contains",
          "notContains",
          "anyOf",
          "noneOf",
          "allOf",
          "isExactly",
          "isSet",
          "isNotSet",
          "exists",
          "notExists",
          "gt",
          "gte",
          "lt",
          "lte",
          "dayAfter",
          "dayOnOrAfter",
          "dayBefore",
          "dayOnOrBefore",
          "or",
          "and");

  private Filters() {}

  /** Parses the {@code filters} JSON; keys must be fields of the resource. */
  static Predicate<ObjectNode> parse(String raw, Collection<String> keys) {
    if (raw == null || raw.isBlank()) {
      return node -> true;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(raw);
    } catch (Exception e) {
      throw ApiException.badRequest("\"filters\" must be a JSON array (URL-encoded)");
    }
    if (root == null || !root.isArray()) {
      throw ApiException.badRequest("\"filters\" must be a JSON array (URL-encoded)");
    }
    boolean groups = root.size() > 0 && root.get(0).has("filters");
    List<Predicate<ObjectNode>> parts = new ArrayList<>();
    for (JsonNode element : root) {
      if (!element.isObject()) {
        throw ApiException.badRequest("Each entry of \"filters\" must be an object");
      }
      if (element.has("filters") != groups) {
        throw ApiException.badRequest(
            "\"filters\" must be either a list of filters or a list of filter groups, not both");
      }
      parts.add(groups ? all(element.get("filters"), keys) : filter(element, keys));
    }
    return groups ? anyOf(parts) : allOf(parts);
  }

  /** Equality filter from a plain query parameter ({@code state=discovered}). */
  static Predicate<ObjectNode> simple(String key, String value) {
    JsonNode expected = Json.NODES.textNode(value);
    return node -> equalsValue(resolve(node, key), expected);
  }

  private static Predicate<ObjectNode> all(JsonNode filters, Collection<String> keys) {
    if (filters == null || !filters.isArray()) {
      throw ApiException.badRequest("A filter group's \"filters\" must be an array");
    }
    List<Predicate<ObjectNode>> parts = new ArrayList<>();
    filters.forEach(f -> parts.add(filter(f, keys)));
    return allOf(parts);
  }

  private static Predicate<ObjectNode> filter(JsonNode filter, Collection<String> keys) {
    if (!filter.isObject()) {
      throw ApiException.badRequest("Each filter must be an object {key, op, value}");
    }
    String op = unwrap(filter.get("op"));
    if (op == null) {
      throw ApiException.badRequest("A filter is missing \"op\"");
    }
    if (!OPERATIONS.contains(op)) {
      throw ApiException.badRequest(
          "Unsupported filter op '" + op + "'. The sandbox supports: " + String.join(", ", ops()));
    }
    JsonNode value = filter.get("value");
    if (op.equals("or") || op.equals("and")) {
      if (value == null || !value.isArray()) {
        throw ApiException.badRequest("\"" + op + "\" needs an array of filters as its value");
      }
      List<Predicate<ObjectNode>> parts = new ArrayList<>();
      value.forEach(f -> parts.add(filter(f, keys)));
      return op.equals("or") ? anyOf(parts) : allOf(parts);
    }
    String key = unwrap(filter.get("key"));
    if (key == null) {
      throw ApiException.badRequest("A filter is missing \"key\"");
    }
    String root = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
    if (!keys.contains(root)) {
      throw ApiException.badRequest("Unknown filter key '" + key + "'");
    }
    boolean needsValue = !Set.of("isSet", "isNotSet", "exists", "notExists").contains(op);
    if (needsValue && (value == null || value.isMissingNode())) {
      throw ApiException.badRequest("Filter '" + key + " " + op + "' needs a \"value\"");
    }
    if (Set.of("anyOf", "noneOf", "allOf", "isExactly").contains(op) && !value.isArray()) {
      throw ApiException.badRequest("Filter '" + key + " " + op + "' needs an array value");
    }
    return node -> test(op, resolve(node, key), value);
  }

  private static List<String> ops() {
    return OPERATIONS.stream().sorted().toList();
  }

  private static String unwrap(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      return unwrap(node.get("value"));
    }
    return node.asText();
  }

  private static boolean test(String op, JsonNode actual, JsonNode value) {
    return switch (op) {
      case "equals" -> equalsValue(actual, value);
      case "notEquals" -> !equalsValue(actual, value);
      case "contains" -> contains(actual, value);
      case "notContains" -> !contains(actual, value);
      case "anyOf" -> anyMatch(actual, value);
      case "noneOf" -> !anyMatch(actual, value);
      case "allOf" -> allMatch(actual, value);
      case "isExactly" -> allMatch(actual, value) && size(actual) == value.size();
      case "isSet", "exists" -> isSet(actual);
      case "isNotSet", "notExists" -> !isSet(actual);
      case "gt" -> compare(actual, value, false) > 0;
      case "gte" -> compare(actual, value, false) >= 0;
      case "lt" -> isSet(actual) && compare(actual, value, false) < 0;
      case "lte" -> isSet(actual) && compare(actual, value, false) <= 0;
      case "dayAfter" -> compare(actual, value, true) > 0;
      case "dayOnOrAfter" -> compare(actual, value, true) >= 0;
      case "dayBefore" -> isSet(actual) && compare(actual, value, true) < 0;
      case "dayOnOrBefore" -> isSet(actual) && compare(actual, value, true) <= 0;
      default -> throw new IllegalStateException(op);
    };
  }

  /** Follows a dotted key; a missing step gives a missing node. */
  static JsonNode resolve(ObjectNode node, String key) {
    JsonNode current = node;
    for (String part : key.split("\\.")) {
      current = current == null ? null : current.get(part);
    }
    return current == null
        ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : current;
  }

  private static JsonNode scalar(JsonNode node) {
    if (node != null && node.isObject()) {
      if (node.has("id")) {
        return node.get("id");
      }
      if (node.has("value")) {
        return node.get("value");
      }
    }
    return node;
  }

  static boolean equalsValue(JsonNode actual, JsonNode expected) {
    if (actual != null && actual.isArray()) {
      for (JsonNode item : actual) {
        if (equalsValue(item, expected)) {
          return true;
        }
      }
      return false;
    }
    JsonNode a = scalar(actual);
    JsonNode e = scalar(expected);
    if (a == null || a.isMissingNode() || a.isNull()) {
      return e == null || e.isNull();
    }
    if (e == null || e.isNull()) {
      return false;
    }
    if (a.isNumber()) {
      try {
        return Double.parseDouble(e.asText()) == a.asDouble();
      } catch (NumberFormatException ex) {
        return false;
      }
    }
    return a.asText().equalsIgnoreCase(e.asText());
  }

  private static boolean contains(JsonNode actual, JsonNode value) {
    if (actual != null && actual.isArray()) {
      return equalsValue(actual, value);
    }
    JsonNode a = scalar(actual);
    if (a == null || a.isMissingNode() || a.isNull()) {
      return false;
    }
    return a.asText().toLowerCase().contains(scalar(value).asText().toLowerCase());
  }

  private static boolean anyMatch(JsonNode actual, JsonNode values) {
    for (JsonNode v : values) {
      if (equalsValue(actual, v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allMatch(JsonNode actual, JsonNode values) {
    for (JsonNode v : values) {
      if (!equalsValue(actual, v)) {
        return false;
      }
    }
    return true;
  }

  private static int size(JsonNode node) {
    return node != null && node.isArray() ? node.size() : isSet(node) ? 1 : 0;
  }

  static boolean isSet(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (node.isTextual()) {
      return !node.asText().isEmpty();
    }
    if (node.isArray()) {
      return node.size() > 0;
    }
    return true;
  }

  private static int compare(JsonNode actual, JsonNode value, boolean dayOnly) {
    JsonNode a = scalar(actual);
    JsonNode v = scalar(value);
    if (!isSet(a)) {
      return -1;
    }
    if (a.isNumber()) {
      try {
        return Double.compare(a.asDouble(), Double.parseDouble(v.asText()));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("Cannot compare a number with '" + v.asText() + "'");
      }
    }
    String left = a.asText();
    String right = v.asText();
    if (dayOnly) {
      left = left.length() >= 10 ? left.substring(0, 10) : left;
      right = right.length() >= 10 ? right.substring(0, 10) : right;
    }
    return left.compareTo(right);
  }

  private static Predicate<ObjectNode> allOf(List<Predicate<ObjectNode>> parts) {
    return node -> parts.stream().allMatch(p -> p.test(node));
  }

  private static Predicate<ObjectNode> anyOf(List<Predicate<ObjectNode>> parts) {
    return node -> parts.stream().anyMatch(p -> p.test(node));
  }
}
