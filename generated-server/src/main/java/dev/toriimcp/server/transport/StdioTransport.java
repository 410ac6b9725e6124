package dev.toriimcp.server.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.server.protocol.Incoming;
import dev.toriimcp.server.protocol.JsonRpc;
import dev.toriimcp.server.protocol.McpHandler;
import dev.toriimcp.server.protocol.Outgoing;
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
        JsonNode message;
        try {
          message = JsonRpc.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
          write(
              writer,
              JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: not JSON", null).toString());
          continue;
        }
        JsonNode m = message;
        Runnable work =
            () -> {
              Outgoing o = mcp.handle(new Incoming(m, null, null), endpoint);
              if (o.body() != null) {
                write(writer, o.body().toString());
              }
            };
        if (m != null && m.isObject() && m.has("id") && m.has("method")) {
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

  private static void write(PrintStream writer, String line) {
    synchronized (writer) {
      writer.print(line);
      writer.print('\n');
      writer.flush();
    }
  }
}
