package dev.toriimcp.sandbox;

import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An in-process fake of Torii's REST API with deterministic demo data.
 *
 * <pre>{@code
 * try (ToriiSandbox sandbox = ToriiSandbox.start(SandboxOptions.defaults())) {
 *   // GET sandbox.baseUrl() + "/users" with "Authorization: Bearer " + sandbox.apiKey()
 * }
 * }</pre>
 *
 * <p>Torii's paths are served both at the server root and under {@code /v1.0}.
 */
public final class ToriiSandbox implements AutoCloseable {
  private final Server server;
  private final SandboxState state;
  private final SandboxOptions options;
  private final int port;

  private ToriiSandbox(Server server, SandboxState state, SandboxOptions options, int port) {
    this.server = server;
    this.state = state;
    this.options = options;
    this.port = port;
  }

  /** Starts a sandbox with the default options (free port, default seed, no rate limits). */
  public static ToriiSandbox start() {
    return start(SandboxOptions.defaults());
  }

  /** Builds the seeded org and starts serving it. */
  public static ToriiSandbox start(SandboxOptions options) {
    SandboxState state = new SandboxState(options.clock(), options.dataDate());
    SeedData.populate(state, options.seed());
    Cursors cursors = new Cursors(options.seed());
    Views views = new Views(state);
    Router router = new Router();
    new OrgHandlers(state).register(router);
    new UserHandlers(state, views, cursors).register(router);
    new AppHandlers(state, views, cursors).register(router);
    new ContractHandlers(state, views, cursors).register(router);
    new AuditHandlers(state, cursors).register(router);
    new WorkflowHandlers(state, cursors).register(router);
    FileHandlers files = new FileHandlers(state, options.seed());
    files.register(router);
    NotImplementedHandlers.register(router);
    Router storage = new Router();
    files.registerStorage(storage);

    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setName("torii-sandbox");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(options.host());
    connector.setPort(options.port());
    server.addConnector(connector);
    server.setHandler(new SandboxHandler(state, router, storage, options));
    server.setStopTimeout(2_000);
    try {
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception ignored) {
        // already failing
      }
      throw new IllegalStateException(
          "Could not start the Torii sandbox on " + options.host() + ":" + options.port(), e);
    }
    return new ToriiSandbox(server, state, options, connector.getLocalPort());
  }

  /** The base URL to configure clients with, e.g. {@code http://127.0.0.1:43121/v1.0}. */
  public String baseUrl() {
    return rootUrl() + SandboxHandler.VERSION_PREFIX;
  }

  /** The server root, which serves the same API without the {@code /v1.0} prefix. */
  public String rootUrl() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return "http://" + host + ":" + port;
  }

  public int port() {
    return port;
  }

  /** The bearer token the sandbox accepts ({@value SandboxOptions#DEFAULT_API_KEY} by default). */
  public String apiKey() {
    return options.apiKey();
  }

  public SandboxOptions options() {
    return options;
  }

  /** The live org, for assertions in tests. */
  public SandboxState state() {
    return state;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the Torii sandbox", e);
    }
  }

  /**
   * Runs a sandbox until the process is stopped.
   *
   * <p>Usage: {@code ToriiSandbox [--port N] [--host H] [--seed N] [--rate-limits] [--today |
   * --data-date YYYY-MM-DD]}. {@code --rate-limits} applies Torii's documented per-operation
   * limits; {@code --today} dates the demo data to the current day.
   */
  public static void main(String[] args) throws InterruptedException {
    SandboxOptions.Builder builder = SandboxOptions.builder().port(8484);
    List<String> list = List.of(args);
    for (int i = 0; i < list.size(); i++) {
      String arg = list.get(i);
      switch (arg) {
        case "--port" -> builder.port(Integer.parseInt(value(list, ++i, arg)));
        case "--host" -> builder.host(value(list, ++i, arg));
        case "--seed" -> builder.seed(Long.parseLong(value(list, ++i, arg)));
        case "--rate-limits" -> builder.rateLimits(SandboxOptions.documentedRateLimits());
        case "--today" -> builder.dataDate(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        case "--data-date" -> builder.dataDate(java.time.LocalDate.parse(value(list, ++i, arg)));
        case "--help", "-h" -> {
          System.out.println(
              "Usage: ToriiSandbox [--port N (default 8484, 0 = free)] [--host H] [--seed N]"
                  + " [--rate-limits] [--today | --data-date YYYY-MM-DD]");
          return;
        }
        default -> throw new IllegalArgumentException("Unknown argument: " + arg);
      }
    }
    ToriiSandbox sandbox = start(builder.build());
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "torii-sandbox-stop"));
    System.out.println("Torii sandbox listening on " + sandbox.baseUrl());
    System.out.println("API key: " + sandbox.apiKey());
    System.out.flush();
    Thread.currentThread().join();
  }

  private static String value(List<String> args, int index, String flag) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args.get(index);
  }
}
