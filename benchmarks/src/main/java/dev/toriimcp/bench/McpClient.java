package dev.toriimcp.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An MCP client over Streamable HTTP (protocol 2025-06-18, which both servers speak) on one
 * keep-alive connection: initialize, then {@code tools/list} or the same {@code tools/call} again
 * and again.
 */
final class McpClient implements Load.Client {
  static final String PROTOCOL = "2025-06-18";

  /** The first message of a session. */
  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
          + PROTOCOL
          + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"torii-mcp-benchmarks\",\"version\":\"1\"}}}";

  /** The notification that follows the answer to {@link #INITIALIZE}. */
  static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  /** The JSON-RPC id of {@link #TOOLS_LIST}. */
  static final int TOOLS_LIST_ID = 1;

  static final String TOOLS_LIST =
      "{\"jsonrpc\":\"2.0\",\"id\":" + TOOLS_LIST_ID + ",\"method\":\"tools/list\",\"params\":{}}";

  private final HttpConnection connection;
  private final String path;
  private final String session;
  private static final AtomicLong IDS = new AtomicLong(100);
  private final String callPrefix;
  private final String callSuffix;

  /**
   * @param session an initialized session to join, or null to start one
   */
  McpClient(URI url, String session, String tool, String argumentsJson) throws IOException {
    this.connection = new HttpConnection(url);
    this.path = url.getRawPath();
    this.session = session != null ? session : initialize();
    this.callPrefix = "{\"jsonrpc\":\"2.0\",\"id\":";
    this.callSuffix =
        ",\"method\":\"tools/call\",\"params\":{\"name\":\""
            + tool
            + "\",\"arguments\":"
            + argumentsJson
            + "}}";
  }

  String session() {
    return session;
  }

  private String initialize() throws IOException {
    HttpConnection.Reply r =
        connection.post(path, headers(null), INITIALIZE.getBytes(StandardCharsets.UTF_8));
    String id = r.headers().get("mcp-session-id");
    if (r.status() != 200 || id == null) {
      throw new IOException("initialize failed: HTTP " + r.status() + " " + r.text());
    }
    connection.post(path, headers(id), INITIALIZED.getBytes(StandardCharsets.UTF_8));
    return id;
  }

  private static Map<String, String> headers(String session) {
    return session == null
        ? Map.of(
            "Content-Type", "application/json", "Accept", "application/json, text/event-stream")
        : Map.of(
            "Content-Type",
            "application/json",
            "Accept",
            "application/json, text/event-stream",
            "Mcp-Session-Id",
            session,
            "MCP-Protocol-Version",
            PROTOCOL);
  }

  /** The JSON-RPC answer to {@code tools/list}, as sent (the JSON, without SSE framing). */
  String toolsList() throws IOException {
    HttpConnection.Reply r =
        connection.post(path, headers(session), TOOLS_LIST.getBytes(StandardCharsets.UTF_8));
    if (r.status() != 200) {
      throw new IOException("tools/list failed: HTTP " + r.status() + " " + r.text());
    }
    return r.json();
  }

  /**
   * A call with a fresh id: requests in flight on one session must not share an id, or the server
   * cannot tell their answers apart.
   */
  private byte[] callBody() {
    return (callPrefix + IDS.incrementAndGet() + callSuffix).getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON-RPC answer to the tool call. */
  String callText() throws IOException {
    return connection.post(path, headers(session), callBody()).json();
  }

  @Override
  public boolean call() throws IOException {
    HttpConnection.Reply r = connection.post(path, headers(session), callBody());
    if (r.status() != 200) {
      return false;
    }
    String json = r.json();
    return json.contains("\"result\"") && !json.contains("\"isError\":true");
  }

  @Override
  public void close() {
    connection.close();
  }
}
