package dev.toriimcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small MCP-over-HTTP client for tests: raw requests, real sockets. */
public final class McpHttp {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String url;
  private String sessionId;

  public McpHttp(String url) {
    this.url = url;
  }

  /** An HTTP answer. */
  public record Answer(int status, Map<String, java.util.List<String>> headers, String text) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text, e);
      }
    }

    public String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  public Answer post(String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::setHeader);
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.headers().map(), r.body());
  }

  public Answer send(String method, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::setHeader);
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.headers().map(), r.body());
  }

  /** Initializes a 2025-11-25 session and remembers its id. */
  public JsonNode initialize() throws IOException, InterruptedException {
    Answer a =
        post(
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}",
            Map.of());
    sessionId = a.header("Mcp-Session-Id");
    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session());
    return a.json();
  }

  public Map<String, String> session() {
    return Map.of("Mcp-Session-Id", sessionId, "MCP-Protocol-Version", "2025-11-25");
  }

  public String sessionId() {
    return sessionId;
  }

  /** A stateful-era request on the current session; returns the JSON-RPC response. */
  public JsonNode request(String method, JsonNode params) throws IOException, InterruptedException {
    ObjectNode m = MAPPER.createObjectNode();
    m.put("jsonrpc", "2.0");
    m.put("id", 7);
    m.put("method", method);
    if (params != null) {
      m.set("params", params);
    }
    Answer a = post(m.toString(), session());
    if (a.status() != 200) {
      throw new AssertionError("HTTP " + a.status() + ": " + a.text());
    }
    return a.json();
  }

  /** Calls a tool on the current session; returns the CallToolResult. */
  public JsonNode call(String tool, String argumentsJson) throws IOException, InterruptedException {
    ObjectNode p = MAPPER.createObjectNode();
    p.put("name", tool);
    p.set("arguments", MAPPER.readTree(argumentsJson));
    JsonNode r = request("tools/call", p);
    if (!r.has("result")) {
      throw new AssertionError("no result: " + r);
    }
    return r.get("result");
  }

  /** Stateless-era headers for a method (and tool name). */
  public static Map<String, String> stateless(String method, String name) {
    return name == null
        ? Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", method)
        : Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", method, "Mcp-Name", name);
  }

  /** A stateless-era message body. */
  public static String statelessBody(String method, String paramsWithoutMeta) {
    String meta =
        "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    String params =
        paramsWithoutMeta == null || paramsWithoutMeta.isBlank()
            ? "{" + meta + "}"
            : "{" + paramsWithoutMeta + "," + meta + "}";
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
  }
}
