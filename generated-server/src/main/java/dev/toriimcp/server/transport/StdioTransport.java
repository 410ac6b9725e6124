package dev.toriimcp.server.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.server.protocol.Incoming;
import dev.toriimcp.server.protocol.JsonRpc;
import dev.toriimcp.server.protocol.McpHandler;
import dev.toriimcp.server.runtime.EndpointContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * MCP over stdin/stdout: one JSON-RPC message per line each way. Requests run concurrently so a
 * slow tool call does not hold up pings or cancellations; only protocol messages go to stdout.
 */
public final class StdioTransport {
  private static final ObjectNode PARSE_ERROR_NODE =
      JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: not JSON", null);
  private static final String PARSE_ERROR = PARSE_ERROR_NODE.toString();
  private final McpHandler mcp;
  private final EndpointContext endpoint;

  public StdioTransport(McpHandler mcp, EndpointContext endpoint) {
    this.mcp = mcp;
    this.endpoint = endpoint;
  }

  /** Serves until stdin ends. */
  public void run(InputStream in, OutputStream out) throws IOException, InterruptedException {
    PrintStream writer = new PrintStream(out, false, StandardCharsets.UTF_8);
    ExecutorService workers =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "mcp-stdio");
              t.setDaemon(true);
              return t;
            });
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode message = parse(line);
        if (message == null) {
          write(writer, PARSE_ERROR);
          continue;
        }
        Runnable work =
            () -> {
              ObjectNode answer = respond(mcp, endpoint, message);
              if (answer != null) {
                write(writer, answer.toString());
              }
            };
        if (message.isObject() && message.has("id") && message.has("method")) {
          workers.submit(work);
        } else {
          work.run();
        }
      }
    } finally {
      workers.shutdown();
      workers.awaitTermination(60, TimeUnit.SECONDS);
      writer.flush();
    }
  }

  /** One line as a JSON value, or null when it is not JSON. */
  static JsonNode parse(String line) {
    try {
      JsonNode message = JsonRpc.MAPPER.readTree(line);
      return message == null ? JsonRpc.MAPPER.missingNode() : message;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The response to one parsed line, or null when there is none (notifications, responses). */
  static ObjectNode respond(McpHandler mcp, EndpointContext endpoint, JsonNode message) {
    return mcp.handle(new Incoming(message, null, null), endpoint).body();
  }

  /** The response to one line as received, or null: what {@link #run} writes for it. */
  static ObjectNode answer(McpHandler mcp, EndpointContext endpoint, String line) {
    JsonNode message = parse(line);
    return message == null ? PARSE_ERROR_NODE.deepCopy() : respond(mcp, endpoint, message);
  }

  private static void write(PrintStream writer, String line) {
    synchronized (writer) {
      writer.print(line);
      writer.print('\n');
      writer.flush();
    }
  }
}
