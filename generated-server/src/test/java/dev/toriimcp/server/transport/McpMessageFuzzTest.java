package dev.toriimcp.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.server.FakeUpstream;
import dev.toriimcp.server.JsonRpcChecks;
import dev.toriimcp.server.protocol.Incoming;
import dev.toriimcp.server.protocol.JsonRpc;
import dev.toriimcp.server.protocol.McpServer;
import dev.toriimcp.server.protocol.Outgoing;
import dev.toriimcp.server.runtime.EndpointContext;
import dev.toriimcp.server.runtime.ToolCatalog;
import dev.toriimcp.server.runtime.ToolExecutor;
import dev.toriimcp.server.runtime.Upstream;
import dev.toriimcp.server.runtime.UpstreamClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the JSON-RPC decoder and the MCP dispatcher the way the transports drive them: an HTTP
 * body with arbitrary headers, and a stdio line. Whatever arrives, nothing is thrown, and the
 * answer is either nothing (a notification or a client's response) or one well-formed JSON-RPC
 * response that names no Java class and shows no stack frame.
 *
 * <p>An HTTP input is written like an HTTP message: header lines, a blank line, the body. The
 * pseudo-header {@code X-Endpoint: discovery} picks the discovery-exposure endpoint, and the value
 * {@code @session} stands for a live session id. Seeds are in {@code
 * src/test/resources/dev/toriimcp/server/transport/McpMessageFuzzTestInputs/}.
 */
class McpMessageFuzzTest {
  private static final Set<String> HEADERS =
      Set.of("mcp-protocol-version", "mcp-method", "mcp-name", "mcp-session-id", "x-endpoint");

  private static final String KEY = "fuzz-upstream-key";

  private static FakeUpstream upstream;
  private static McpServer mcp;
  private static EndpointContext all;
  private static EndpointContext discovery;
  private static String session;

  @BeforeAll
  static void start() throws Exception {
    upstream = new FakeUpstream(2);
    ToolExecutor executor =
        new ToolExecutor(
            ToolCatalog.load(),
            new UpstreamClient(Duration.ofSeconds(2), 1 << 20),
            new ToolExecutor.Limits(Duration.ofSeconds(5), 100_000));
    mcp = new McpServer(executor, "torii-mcp", "0", "fuzzing");
    Upstream up = new Upstream(upstream.baseUrl(), KEY);
    all = EndpointContext.all("all", up);
    discovery = new EndpointContext("discovery", t -> t.access().readOnly(), up, true);
    Outgoing init =
        mcp.handle(
            new Incoming(
                JsonRpc.MAPPER.readTree(
                    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}}"),
                h -> null,
                null),
            all);
    session = init.sessionId();
    assertNotNull(session);
  }

  @AfterAll
  static void stop() {
    upstream.close();
  }

  @FuzzTest(maxDuration = "10s")
  void httpBody(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int split = indexOf(input, "\n\n".getBytes(StandardCharsets.US_ASCII));
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byte[] body = input;
    if (split >= 0) {
      for (String line : new String(input, 0, split, StandardCharsets.UTF_8).split("\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          String name = line.substring(0, colon).strip();
          String value = line.substring(colon + 1).strip().replace("@session", session);
          if (HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            headers.put(name, value);
          }
        }
      }
      body = Arrays.copyOfRange(input, split + 2, input.length);
    }
    EndpointContext endpoint = "discovery".equals(headers.remove("X-Endpoint")) ? discovery : all;
    Outgoing out =
        HttpTransport.exchange(mcp, endpoint, body, headers::get, headers.get("Mcp-Session-Id"));
    check(out, body, text);
  }

  @FuzzTest(maxDuration = "10s")
  void stdioLine(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    for (String line : text.split("\r\n|\r|\n")) {
      if (line.isBlank()) {
        continue;
      }
      ObjectNode answer = StdioTransport.answer(mcp, all, line);
      JsonNode message = StdioTransport.parse(line);
      if (answer == null) {
        assertTrue(
            message != null && notificationOrResponse(message),
            "no answer only to notifications and responses: " + line);
        continue;
      }
      assertEquals(java.util.List.of(), JsonRpcChecks.problems(answer), answer.toString());
      assertFalse(
          answer.toString().contains(KEY) && !text.contains(KEY), "the API key is never sent back");
      assertEquals(
          java.util.List.of(),
          JsonRpcChecks.internals(JsonRpcChecks.strings(answer), text),
          answer.toString());
      sameId(message, answer);
    }
  }

  private static void check(Outgoing out, byte[] body, String input) {
    assertNotNull(out);
    JsonNode message;
    try {
      message = JsonRpc.MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      message = null;
    }
    if (out.body() == null) {
      assertEquals(202, out.status(), "no body only with 202 Accepted");
      assertTrue(
          message != null && notificationOrResponse(message),
          "no answer only to notifications and responses");
      return;
    }
    assertTrue(Set.of(200, 400, 404).contains(out.status()), "status " + out.status());
    assertEquals(java.util.List.of(), JsonRpcChecks.problems(out.body()), out.body().toString());
    assertFalse(
        out.body().toString().contains(KEY) && !input.contains(KEY),
        "the API key is never sent back");
    assertEquals(
        java.util.List.of(),
        JsonRpcChecks.internals(JsonRpcChecks.strings(out.body()), input),
        out.body().toString());
    sameId(message, out.body());
  }

  /** A request with a valid id gets it back. */
  private static void sameId(JsonNode message, JsonNode answer) {
    if (message != null && message.isObject()) {
      JsonNode id = message.get("id");
      if (id != null && (id.isTextual() || id.isNumber())) {
        assertEquals(id, answer.get("id"), "the answer carries the request's id");
      }
    }
  }

  private static boolean notificationOrResponse(JsonNode message) {
    return message.isObject() && (!message.has("id") || !message.has("method"));
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
