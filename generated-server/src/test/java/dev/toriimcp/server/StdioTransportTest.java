package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.server.transport.StdioTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MCP over stdio through piped streams: one JSON-RPC message per line each way, nothing but
 * protocol messages on the output, both eras.
 */
class StdioTransportTest {
  static ServerApp app;

  private OutputStream toServer;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private Thread server;
  private Thread reader;

  @BeforeAll
  static void start() {
    app = ServerApp.create(ServerApp.Options.sandboxed());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @BeforeEach
  void connect() throws IOException {
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    toServer = new PipedOutputStream(serverIn);
    PipedOutputStream serverOut = new PipedOutputStream();
    PipedInputStream fromServer = new PipedInputStream(serverOut, 1 << 20);
    StdioTransport stdio = new StdioTransport(app.mcp(), app.fullAccess());
    server =
        new Thread(
            () -> {
              try (serverOut) {
                stdio.run(serverIn, serverOut);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "stdio-server");
    server.start();
    reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the server side closed
              }
            },
            "stdio-reader");
    reader.start();
  }

  @AfterEach
  void disconnect() throws Exception {
    toServer.close();
    server.join(10_000);
    reader.join(10_000);
  }

  private void send(String line) throws IOException {
    toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    toServer.flush();
  }

  private String nextLine() throws InterruptedException {
    String line = lines.poll(30, TimeUnit.SECONDS);
    assertNotNull(line, "no line from the server within 30 s");
    return line;
  }

  private JsonNode next() throws Exception {
    return McpHttp.MAPPER.readTree(nextLine());
  }

  @Test
  void statefulEraInitializesListsAndCalls() throws Exception {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    JsonNode init = next();
    assertEquals(1, init.get("id").asInt());
    assertEquals("2025-06-18", init.at("/result/protocolVersion").asText());
    assertEquals("torii-mcp", init.at("/result/serverInfo/name").asText());
    assertEquals("{\"listChanged\":false}", init.at("/result/capabilities/tools").toString());

    // A notification gets no line: the next line answers the ping.
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    send("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}");
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"result\":{}}", nextLine());

    send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    JsonNode tools = next().at("/result/tools");
    assertEquals(65, tools.size());
    List<String> names = new ArrayList<>();
    tools.forEach(t -> names.add(t.get("name").asText()));
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    assertEquals(sorted, names, "tools are listed by name");
    assertEquals(app.catalog().entries().get(0).listing(false), tools.get(0));

    send(
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_all_torii_users\","
            + "\"arguments\":{\"email\":\"alex.chen@company.com\"}}}");
    JsonNode call = next();
    assertEquals(3, call.get("id").asInt());
    assertFalse(call.at("/result/isError").asBoolean(false), call.toString());
    assertEquals(
        "alex.chen@company.com", call.at("/result/structuredContent/users/0/email").asText());
    assertEquals(
        call.at("/result/structuredContent"),
        McpHttp.MAPPER.readTree(call.at("/result/content/0/text").asText()));
    assertNull(lines.poll(200, TimeUnit.MILLISECONDS), "nothing else was written");
  }

  @Test
  void protocolErrorsAreJsonRpcErrors() throws Exception {
    send("this is not json");
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: not JSON\"}}",
        nextLine());
    send("{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"ping\"}");
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-32600,\"message\":\"Invalid request: jsonrpc must be"
            + " \\\"2.0\\\"\"}}",
        nextLine());
    send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/list\"}");
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"code\":-32601,\"message\":\"Method not found:"
            + " resources/list\"}}",
        nextLine());
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\",\"arguments\":{}}}");
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"error\":{\"code\":-32602,\"message\":\"Unknown tool: no_such_tool\"}}",
        nextLine());
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"list_all_torii_roles\",\"arguments\":[1]}}");
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32602,\"message\":\"Invalid params: arguments must be"
            + " an object\"}}",
        nextLine());
  }

  @Test
  void statelessEraCarriesItsVersionInMeta() throws Exception {
    send(McpHttp.statelessBody("server/discover", null));
    JsonNode discover = next();
    assertEquals(
        "[\"2026-07-28\",\"2025-11-25\",\"2025-06-18\"]",
        discover.at("/result/supportedVersions").toString());
    assertEquals("complete", discover.at("/result/resultType").asText());
    send(
        McpHttp.statelessBody(
            "tools/call", "\"name\":\"list_all_torii_users\",\"arguments\":{\"limit\":2}"));
    JsonNode call = next();
    assertEquals("complete", call.at("/result/resultType").asText());
    assertEquals(2, call.at("/result/structuredContent/users").size());
    assertNotNull(call.at("/result/structuredContent/next_cursor").textValue());
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":{\"_meta\":"
            + "{\"io.modelcontextprotocol/protocolVersion\":\"2099-01-01\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
    JsonNode bad = next();
    assertEquals(-32022, bad.at("/error/code").asInt());
    assertEquals("2099-01-01", bad.at("/error/data/requested").asText());
  }

  @Test
  void endOfInputEndsTheServer() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", nextLine());
    toServer.close();
    server.join(10_000);
    assertFalse(server.isAlive(), "run() returns when stdin ends");
  }
}
