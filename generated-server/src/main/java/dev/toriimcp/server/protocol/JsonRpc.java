package dev.toriimcp.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 messages and the error codes MCP uses. */
public final class JsonRpc {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** MCP: a transport header does not match the body (or is missing). */
  public static final int HEADER_MISMATCH = -32020;

  /** MCP: the request's protocol version is not supported. */
  public static final int UNSUPPORTED_VERSION = -32022;

  private JsonRpc() {}

  public static ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("jsonrpc", "2.0");
    r.set("id", id == null ? MAPPER.nullNode() : id);
    r.set("result", result);
    return r;
  }

  public static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("jsonrpc", "2.0");
    r.set("id", id == null ? MAPPER.nullNode() : id);
    ObjectNode e = r.putObject("error");
    e.put("code", code);
    e.put("message", message);
    if (data != null) {
      e.set("data", data);
    }
    return r;
  }
}
