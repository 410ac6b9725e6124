package dev.toriimcp.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast Torii stand-in on 127.0.0.1, port 0: every request gets the same small JSON answer at
 * once. For fuzzing and load, where the upstream's behaviour is not what is tested.
 */
public final class FakeUpstream implements AutoCloseable {
  private static final byte[] BODY =
      "{\"users\":[{\"id\":1,\"email\":\"alex.chen@company.com\"}],\"nextCursor\":\"c2\"}"
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService pool;
  private final AtomicLong requests = new AtomicLong();

  public FakeUpstream(int threads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    pool = Executors.newFixedThreadPool(threads, daemon());
    server.setExecutor(pool);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, BODY.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(BODY);
          }
        });
    server.start();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "fake-upstream");
      t.setDaemon(true);
      return t;
    };
  }

  /** The base URL, with a path like Torii's. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0");
  }

  /** How many requests arrived. */
  public long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
