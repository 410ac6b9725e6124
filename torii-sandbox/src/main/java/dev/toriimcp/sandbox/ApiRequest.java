package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One parsed HTTP request as the operation handlers see it. */
final class ApiRequest {
  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final Map<String, String> headers;
  private final byte[] body;
  private final String remoteAddress;
  private final String rootUrl;

  ApiRequest(
      String method,
      String path,
      Map<String, String> pathParams,
      Map<String, List<String>> query,
      Map<String, String> headers,
      byte[] body,
      String remoteAddress,
      String rootUrl) {
    this.method = method;
    this.path = path;
    this.pathParams = pathParams;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.remoteAddress = remoteAddress;
    this.rootUrl = rootUrl;
  }

  String method() {
    return method;
  }

  /** The request path as sent, including any {@code /v1.0} prefix. */
  String path() {
    return path;
  }

  String remoteAddress() {
    return remoteAddress;
  }

  /** The server's root URL, e.g. {@code http://127.0.0.1:43121}. */
  String rootUrl() {
    return rootUrl;
  }

  /** A header by lower-case name, or null. */
  String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }

  byte[] body() {
    return body;
  }

  Set<String> queryNames() {
    return query.keySet();
  }

  /** The first value of a query parameter, or null when absent. */
  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The {@code fields} parameter, accepting both {@code fields=a,b} and the repeated form {@code
   * fields=a&fields=b}.
   */
  String fields() {
    List<String> values = query.get("fields");
    return values == null ? null : String.join(",", values);
  }

  /** Query parameter value, treating an empty string as absent. */
  String queryText(String name) {
    String value = query(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  int pathInt(String name) {
    String raw = pathParams.get(name);
    return Params.parseId(name, raw);
  }

  String pathText(String name) {
    return pathParams.get(name);
  }

  Integer queryInt(String name, int min, int max, Integer defaultValue) {
    String raw = queryText(name);
    if (raw == null) {
      return defaultValue;
    }
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("\"" + name + "\" must be a number");
    }
    if (value < min) {
      throw ApiException.badRequest(
          "\"" + name + "\" must be greater than or equal to " + min + " (got " + value + ")");
    }
    if (value > max) {
      throw ApiException.badRequest(
          "\"" + name + "\" must be less than or equal to " + max + " (got " + value + ")");
    }
    return (int) value;
  }

  Boolean queryBool(String name) {
    String raw = queryText(name);
    if (raw == null) {
      return null;
    }
    if (raw.equalsIgnoreCase("true")) {
      return true;
    }
    if (raw.equalsIgnoreCase("false")) {
      return false;
    }
    throw ApiException.badRequest("\"" + name + "\" must be a boolean (true or false)");
  }

  /** The JSON body as an object; an empty body reads as {@code {}}. */
  ObjectNode jsonBody() {
    if (body.length == 0) {
      return Json.object();
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw ApiException.badRequest("Invalid request payload JSON format");
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Json.object();
    }
    if (!node.isObject()) {
      throw ApiException.badRequest("\"value\" must be an object");
    }
    return (ObjectNode) node;
  }
}
