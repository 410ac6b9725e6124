package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an operation answers: status, headers and a body. */
final class ApiResponse {
  static final String JSON = "application/json; charset=utf-8";

  private final int status;
  private final String contentType;
  private final byte[] body;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private ApiResponse(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }

  static ApiResponse json(JsonNode node) {
    return json(200, node);
  }

  static ApiResponse json(int status, JsonNode node) {
    return new ApiResponse(status, JSON, Json.bytes(node));
  }

  /** A single resource wrapped in its key, e.g. {@code {"user": {...}}}. */
  static ApiResponse wrapped(String key, JsonNode value) {
    ObjectNode node = Json.object();
    node.set(key, value);
    return json(node);
  }

  static ApiResponse error(int status, String message) {
    ObjectNode node = Json.object();
    node.put("statusCode", status);
    node.put("error", ApiException.reason(status));
    node.put("message", message);
    return json(status, node);
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, null, new byte[0]);
  }

  static ApiResponse redirect(String location) {
    return new ApiResponse(302, null, new byte[0]).header("Location", location);
  }

  static ApiResponse bytes(String contentType, byte[] body) {
    return new ApiResponse(200, contentType, body);
  }

  ApiResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  int status() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  byte[] body() {
    return body;
  }

  Map<String, String> headers() {
    return headers;
  }
}
