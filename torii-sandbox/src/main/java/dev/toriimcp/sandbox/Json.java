package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

/** JSON helpers shared by the sandbox: one mapper, Torii's date formats, value conversion. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** Torii's timestamp format, e.g. {@code 2020-01-01T00:00:00.000Z}. */
  static String time(Instant instant) {
    return instant == null ? null : DATE_TIME.format(instant);
  }

  /** Converts a stored value (String, Number, Boolean, Money, LocalDate, Instant, collections). */
  static JsonNode toNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node.deepCopy();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Number n) {
      return NODES.numberNode(n.doubleValue());
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Money money) {
      return money.toJson();
    }
    if (value instanceof LocalDate date) {
      return NODES.textNode(date.toString());
    }
    if (value instanceof Instant instant) {
      return NODES.textNode(time(instant));
    }
    if (value instanceof Collection<?> items) {
      ArrayNode array = array();
      items.forEach(item -> array.add(toNode(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = object();
      map.forEach((k, v) -> object.set(String.valueOf(k), toNode(v)));
      return object;
    }
    return NODES.textNode(String.valueOf(value));
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (Exception e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }
}
