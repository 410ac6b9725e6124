package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streamable HTTP and both protocol eras, over real sockets against the sandbox. */
class HttpProtocolTest {
  /** A ping of 6 MiB, over the 5 MiB limit. */
  private static final String OVERSIZED =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
          + "a".repeat(6 * 1024 * 1024)
          + "\"}}";

  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void statefulSessionListsAndCallsTools() throws Exception {
    McpHttp c = server.client();
    JsonNode init = c.initialize();
    assertEquals("2025-11-25", init.at("/result/protocolVersion").asText());
    assertEquals("torii-mcp", init.at("/result/serverInfo/name").asText());
    assertNotNull(c.sessionId());
    JsonNode tools = c.request("tools/list", null).at("/result/tools");
    assertEquals(server.app.catalog().size(), tools.size());
    assertEquals(65, tools.size());
    JsonNode users = c.call("list_all_torii_users", "{\"email\":\"alex.chen@company.com\"}");
    assertFalse(users.path("isError").asBoolean(false), users.toString());
    assertEquals("alex.chen@company.com", users.at("/structuredContent/users/0/email").asText());
    assertEquals(
        true, users.at("/structuredContent/users/0/isDeletedInIdentitySources").asBoolean());
    assertEquals(JsonNode.class.isInstance(users.at("/content/0/text")), true);
    assertEquals("{}", c.request("ping", null).get("result").toString());
  }

  @Test
  void olderRevisionIsKeptAndUnknownOnesGetTheLatest() throws Exception {
    McpHttp c = server.client();
    String init =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"%s\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    assertEquals(
        "2025-06-18",
        c.post(String.format(init, "2025-06-18"), Map.of())
            .json()
            .at("/result/protocolVersion")
            .asText());
    assertEquals(
        "2025-11-25",
        c.post(String.format(init, "2024-11-05"), Map.of())
            .json()
            .at("/result/protocolVersion")
            .asText());
  }

  @Test
  void notificationsAreAccepted() throws Exception {
    McpHttp c = server.client();
    c.initialize();
    McpHttp.Answer a =
        c.post(
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":5}}",
            c.session());
    assertEquals(202, a.status());
    assertEquals("", a.text());
  }

  @Test
  void sessionsAreRequiredAndCanBeEnded() throws Exception {
    McpHttp c = server.client();
    c.initialize();
    McpHttp.Answer missing =
        c.post(
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            Map.of("MCP-Protocol-Version", "2025-11-25"));
    assertEquals(400, missing.status());
    assertEquals(204, c.send("DELETE", c.session()).status());
    McpHttp.Answer gone =
        c.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", c.session());
    assertEquals(404, gone.status());
  }

  @Test
  void unsupportedProtocolVersionHeaderIs400() throws Exception {
    McpHttp c = server.client();
    c.initialize();
    Map<String, String> h = new HashMap<>(c.session());
    h.put("MCP-Protocol-Version", "1999-01-01");
    McpHttp.Answer a = c.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", h);
    assertEquals(400, a.status());
    assertTrue(
        a.json()
            .at("/error/message")
            .asText()
            .contains("Unsupported MCP-Protocol-Version: 1999-01-01"));
  }

  @Test
  void getIs405AndUnknownTokenIs404() throws Exception {
    McpHttp c = server.client();
    McpHttp.Answer get = c.send("GET", Map.of("Accept", "text/event-stream"));
    assertEquals(405, get.status());
    assertEquals("POST, DELETE", get.header("Allow"));
    McpHttp other =
        new McpHttp(
            server.url.substring(0, server.url.lastIndexOf('/') + 1)
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertEquals(
        404, other.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of()).status());
    McpHttp malformed =
        new McpHttp(server.url.substring(0, server.url.lastIndexOf('/') + 1) + "..%2F..%2Fetc");
    // Jetty itself refuses encoded separators in paths (400); nothing reaches the endpoints.
    int status =
        malformed.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of()).status();
    assertTrue(status == 400 || status == 404, "status " + status);
    McpHttp shortToken =
        new McpHttp(server.url.substring(0, server.url.lastIndexOf('/') + 1) + "abc");
    assertEquals(
        404,
        shortToken.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of()).status());
  }

  /**
   * One keep-alive connection carries many requests; an error answered before the body was read
   * closes it and says so ({@code Connection: close}), so a client does not send its next request
   * over a connection the server is about to drop.
   */
  @Test
  void keepAliveConnectionsCarryManyRequestsAndRefusalsCloseThem() throws Exception {
    java.net.URI u = java.net.URI.create(server.url);
    String body = McpHttp.statelessBody("tools/list", null);
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", u.getPort())) {
      s.setSoTimeout(10_000);
      java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
      for (int i = 0; i < 50; i++) {
        assertEquals("HTTP/1.1 200 OK keep-alive", exchange(s, in, u.getPath(), body), "call " + i);
      }
      assertEquals(
          "HTTP/1.1 404 Not Found close",
          exchange(s, in, "/mcp/" + "x".repeat(43), body),
          "an unknown token");
    }
  }

  /** Sends one stateless {@code tools/list}; returns the status line and whether it closes. */
  private static String exchange(
      java.net.Socket s, java.io.DataInputStream in, String path, String body)
      throws java.io.IOException {
    String req =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Accept: application/json, text/event-stream\r\n"
            + "Mcp-Protocol-Version: 2026-07-28\r\nMcp-Method: tools/list\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\n\r\n"
            + body;
    s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    int length = 0;
    boolean close = false;
    String status = readLine(in);
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      String l = line.toLowerCase(java.util.Locale.ROOT);
      if (l.startsWith("content-length:")) {
        length = Integer.parseInt(l.substring(15).trim());
      } else if (l.startsWith("connection:") && l.contains("close")) {
        close = true;
      }
    }
    in.readFully(new byte[length]);
    return status + (close ? " close" : " keep-alive");
  }

  private static String readLine(java.io.DataInputStream in) throws java.io.IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new java.io.EOFException("the server closed the connection");
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Test
  void foreignOriginAndHostAre403() throws Exception {
    McpHttp c = server.client();
    assertEquals(403, c.post("{}", Map.of("Origin", "http://evil.example.com")).status());
    assertEquals(
        200,
        c.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                Map.of("Origin", "http://localhost:3000"))
            .status());
    // Host cannot be set through java.net.http; a raw socket shows the rebinding case.
    java.net.URI u = java.net.URI.create(server.url);
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", u.getPort())) {
      String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
      String req =
          "POST "
              + u.getPath()
              + " HTTP/1.1\r\nHost: evil.example.com\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length()
              + "\r\nConnection: close\r\n\r\n"
              + body;
      s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String status =
          new String(s.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 403", status);
    }
  }

  @Test
  void oversizedAndMalformedBodies() throws Exception {
    McpHttp c = server.client();
    assertEquals(413, c.post(OVERSIZED, Map.of()).status());
    McpHttp.Answer parse = c.post("{not json", Map.of());
    assertEquals(400, parse.status());
    assertEquals(-32700, parse.json().at("/error/code").asInt());
    assertEquals(
        400, c.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", Map.of()).status());
  }

  /**
   * A body over the limit is read to its end before the 413: answering and closing while the client
   * still sends made the client's system reset the connection, and the client lost the 413 ("header
   * parser received no bytes") in about one call of twenty.
   */
  @Test
  void everyOversizedBodyGetsIts413() throws Exception {
    McpHttp c = server.client();
    for (int i = 0; i < 40; i++) {
      assertEquals(413, c.post(OVERSIZED, Map.of()).status(), "call " + i);
      assertEquals(400, c.post("{not json", Map.of()).status(), "call " + i);
    }
  }

  @Test
  void sseWhenTheClientOnlyAcceptsEventStreams() throws Exception {
    McpHttp c = server.client();
    McpHttp.Answer a =
        c.post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
            Map.of("Accept", "text/event-stream"));
    assertEquals(200, a.status());
    assertTrue(a.header("Content-Type").startsWith("text/event-stream"));
    assertTrue(
        a.text().startsWith("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"),
        a.text());
  }

  @Test
  void unknownToolIsInvalidParams() throws Exception {
    McpHttp c = server.client();
    c.initialize();
    JsonNode r =
        c.request(
            "tools/call", McpHttp.MAPPER.readTree("{\"name\":\"no_such_tool\",\"arguments\":{}}"));
    assertEquals(-32602, r.at("/error/code").asInt());
    assertEquals("Unknown tool: no_such_tool", r.at("/error/message").asText());
  }

  // ---- 2026-07-28 ---------------------------------------------------------------------------

  @Test
  void statelessDiscoverListAndCall() throws Exception {
    McpHttp c = server.client();
    McpHttp.Answer d =
        c.post(
            McpHttp.statelessBody("server/discover", null),
            McpHttp.stateless("server/discover", null));
    assertEquals(200, d.status(), d.text());
    JsonNode r = d.json().get("result");
    assertEquals(
        "[\"2026-07-28\",\"2025-11-25\",\"2025-06-18\"]", r.get("supportedVersions").toString());
    assertEquals("complete", r.get("resultType").asText());
    assertEquals("torii-mcp", r.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText());
    assertTrue(r.has("capabilities"));
    McpHttp.Answer list =
        c.post(McpHttp.statelessBody("tools/list", null), McpHttp.stateless("tools/list", null));
    JsonNode lr = list.json().get("result");
    assertEquals(65, lr.get("tools").size());
    assertEquals(0, lr.get("ttlMs").asInt());
    assertEquals("private", lr.get("cacheScope").asText());
    assertEquals("complete", lr.get("resultType").asText());
    assertEquals(null, list.header("Mcp-Session-Id"));
    McpHttp.Answer call =
        c.post(
            McpHttp.statelessBody(
                "tools/call", "\"name\":\"list_all_torii_roles\",\"arguments\":{}"),
            McpHttp.stateless("tools/call", "  list_all_torii_roles  "));
    assertEquals(200, call.status(), call.text());
    assertTrue(call.json().at("/result/structuredContent/roles").size() > 0);
    assertEquals("complete", call.json().at("/result/resultType").asText());
  }

  @Test
  void statelessHeadersMustMatchTheBody() throws Exception {
    McpHttp c = server.client();
    String list = McpHttp.statelessBody("tools/list", null);
    assertRejected(c.post(list, Map.of("Mcp-Method", "tools/list")), 400, -32020);
    assertRejected(c.post(list, Map.of("MCP-Protocol-Version", "2026-07-28")), 400, -32020);
    assertRejected(c.post(list, McpHttp.stateless("prompts/list", null)), 400, -32020);
    assertRejected(c.post(list, McpHttp.stateless("TOOLS/LIST", null)), 400, -32020);
    String call =
        McpHttp.statelessBody("tools/call", "\"name\":\"list_all_torii_roles\",\"arguments\":{}");
    assertRejected(c.post(call, McpHttp.stateless("tools/call", "wrong_tool_name")), 400, -32020);
    assertRejected(c.post(call, McpHttp.stateless("tools/call", null)), 400, -32020);
    Map<String, String> old =
        Map.of("MCP-Protocol-Version", "2025-11-25", "Mcp-Method", "tools/list");
    assertRejected(c.post(list, old), 400, -32020);
  }

  @Test
  void statelessRejectsBadMetaAndVersionsAndOldMethods() throws Exception {
    McpHttp c = server.client();
    assertRejected(
        c.post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}",
            McpHttp.stateless("tools/list", null)),
        400,
        -32602);
    McpHttp.Answer v =
        c.post(
            McpHttp.statelessBody("tools/list", null).replace("2026-07-28", "2099-01-01"),
            Map.of("MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/list"));
    assertRejected(v, 400, -32022);
    assertEquals("2099-01-01", v.json().at("/error/data/requested").asText());
    assertEquals(3, v.json().at("/error/data/supported").size());
    assertRejected(
        c.post(McpHttp.statelessBody("ping", null), McpHttp.stateless("ping", null)), 404, -32601);
    assertRejected(
        c.post(McpHttp.statelessBody("initialize", null), McpHttp.stateless("initialize", null)),
        404,
        -32601);
  }

  private static void assertRejected(McpHttp.Answer a, int status, int code) {
    assertEquals(status, a.status(), a.text());
    assertEquals(code, a.json().at("/error/code").asInt(), a.text());
  }
}
