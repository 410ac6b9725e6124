package dev.toriimcp.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The upstream every measured call ends at: answers any request with the same small Torii user (as
 * {@code GET /users/{idUser}} does), on loopback, with Nagle off. No business logic, so the numbers
 * are the proxies' own cost.
 */
final class FixedUpstream implements AutoCloseable {
  static final byte[] BODY =
      ("{\"user\":{\"id\":42,\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
              + "\"email\":\"ada@example.com\",\"lifecycleStatus\":\"active\",\"isExternal\":false,"
              + "\"creationTime\":\"2026-01-05T09:30:00.000Z\",\"activeAppsCount\":12}}")
          .getBytes(StandardCharsets.UTF_8);

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(32, Daemon.threads("upstream"));

  FixedUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, BODY.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(BODY);
          }
        });
    server.setExecutor(pool);
    server.start();
  }

  /** The base URL, standing in for {@code https://api.toriihq.com/v1.0}. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0");
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
