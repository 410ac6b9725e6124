package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Validation helpers with Torii-style messages. */
final class Params {
  private Params() {}

  static int parseId(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      throw ApiException.badRequest("\"" + name + "\" is required");
    }
    long value;
    try {
      value = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("\"" + name + "\" must be a number (got '" + raw + "')");
    }
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw ApiException.badRequest(
          "\"" + name + "\" must be a positive integer no larger than " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  /** Rejects any body key outside {@code allowed}. */
  static void onlyKeys(ObjectNode body, Collection<String> allowed) {
    List<String> unknown = new ArrayList<>();
    body.fieldNames().forEachRemaining(k -> unknown.add(k));
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "\""
              + unknown.get(0)
              + "\" is not allowed. Allowed fields: "
              + String.join(", ", allowed));
    }
  }

  static String requiredText(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      throw ApiException.badRequest("\"" + name + "\" is required");
    }
    if (!node.isTextual()) {
      throw ApiException.badRequest("\"" + name + "\" must be a string");
    }
    if (node.asText().isBlank()) {
      throw ApiException.badRequest("\"" + name + "\" is not allowed to be empty");
    }
    return node.asText();
  }

  static String optionalText(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiException.badRequest("\"" + name + "\" must be a string");
    }
    return node.asText();
  }

  static Boolean optionalBool(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      throw ApiException.badRequest("\"" + name + "\" must be a boolean");
    }
    return node.asBoolean();
  }

  static Integer optionalId(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt() && node.asInt() > 0) {
      return node.asInt();
    }
    if (node.isTextual()) {
      return parseId(name, node.asText());
    }
    throw ApiException.badRequest("\"" + name + "\" must be a positive integer");
  }

  /** Checks {@code value} against an enum, naming the allowed values on failure. */
  static String oneOf(String name, String value, Collection<String> allowed) {
    if (!allowed.contains(value)) {
      throw ApiException.badRequest(
          "\""
              + name
              + "\" must be one of ["
              + String.join(", ", allowed)
              + "] (got '"
              + value
              + "')");
    }
    return value;
  }

  static List<String> csv(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static Set<String> setOf(String... values) {
    return Set.of(values);
  }
}
