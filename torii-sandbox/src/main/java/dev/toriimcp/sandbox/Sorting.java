package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Comparator;

/** The {@code sort} query parameter: {@code field:asc|desc[,field2:desc]}. */
final class Sorting {
  private Sorting() {}

  /** A comparator for {@code sort}, always ending with id ascending so pages are stable. */
  static Comparator<ObjectNode> comparator(String sort, Collection<String> sortable, String idKey) {
    Comparator<ObjectNode> result = null;
    for (String part : Params.csv(sort)) {
      String[] pieces = part.split(":", -1);
      String field = pieces[0].trim();
      String direction = pieces.length > 1 ? pieces[1].trim().toLowerCase() : "asc";
      if (pieces.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
        throw ApiException.badRequest(
            "\"sort\" must look like field:asc or field:desc (got '" + part + "')");
      }
      if (!sortable.contains(field)) {
        throw ApiException.badRequest("Cannot sort by unknown field '" + field + "'");
      }
      Comparator<ObjectNode> byField = (a, b) -> compareValues(a.get(field), b.get(field));
      if (direction.equals("desc")) {
        byField = byField.reversed();
      }
      result = result == null ? byField : result.thenComparing(byField);
    }
    Comparator<ObjectNode> byId = Comparator.comparingLong(node -> node.path(idKey).asLong());
    return result == null ? byId : result.thenComparing(byId);
  }

  /** Orders JSON values: nulls first, then numbers, booleans and case-insensitive text. */
  static int compareValues(JsonNode a, JsonNode b) {
    boolean aNull = a == null || a.isNull() || a.isMissingNode();
    boolean bNull = b == null || b.isNull() || b.isMissingNode();
    if (aNull || bNull) {
      return aNull == bNull ? 0 : aNull ? -1 : 1;
    }
    if (a.isObject() && a.has("id")) {
      a = a.get("id");
    } else if (a.isObject() && a.has("value")) {
      a = a.get("value");
    }
    if (b.isObject() && b.has("id")) {
      b = b.get("id");
    } else if (b.isObject() && b.has("value")) {
      b = b.get("value");
    }
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return Boolean.compare(a.asBoolean(), b.asBoolean());
    }
    return a.asText().compareToIgnoreCase(b.asText());
  }
}
