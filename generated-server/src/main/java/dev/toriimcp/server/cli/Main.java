package dev.toriimcp.server.cli;

import dev.toriimcp.server.ServerApp;
import dev.toriimcp.server.access.AccessLayer;
import dev.toriimcp.server.access.StaticEndpoints;
import dev.toriimcp.server.access.StoreOpening;
import dev.toriimcp.server.access.Tokens;
import dev.toriimcp.server.runtime.ToolExecutor;
import dev.toriimcp.server.transport.StdioTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code torii-mcp-server.jar} command line. */
@Command(
    name = "torii-mcp-server",
    mixinStandardHelpOptions = true,
    version = ServerApp.VERSION,
    description = "An MCP server for Torii: one tool per API operation.",
    subcommands = {
      Main.Serve.class,
      Main.Stdio.class,
      AdminCommands.Accounts.class,
      AdminCommands.Servers.class,
      AdminCommands.Tokens.class
    })
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null
        && Runtime.getRuntime().maxMemory() < COMPRESSED_OOPS_HEAP_LIMIT) {
      // Jetty otherwise starts the JMX platform MBean server (about 180 classes loaded and
      // initialised) only to ask whether references are compressed, which they are below this
      // heap size: 64-byte cache lines hold 16 of them. It only pads its queues with this figure.
      System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
    }
    Callable<Integer> quick = QuickCommandLine.parse(args);
    System.exit(quick != null ? run(quick) : picocli(args));
  }

  private static final String JETTY_REFERENCES_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  /** Heaps this large or larger may use uncompressed references. */
  private static final long COMPRESSED_OOPS_HEAP_LIMIT = 32L * 1024 * 1024 * 1024 - (1L << 30);

  /** Runs a command read by {@link QuickCommandLine}, failing as picocli's handler below does. */
  static int run(Callable<Integer> command) {
    try {
      return command.call();
    } catch (Exception e) {
      System.err.println("torii-mcp-server: " + e.getMessage());
      System.err.flush();
      return 1;
    }
  }

  static int picocli(String[] args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("torii-mcp-server: " + e.getMessage());
          return 1;
        });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }

  /** Where tool calls go. */
  static final class UpstreamOptions {
    @Option(
        names = "--sandbox",
        description = "Start the embedded Torii sandbox (demo data, no API key) and use it.")
    boolean sandbox;

    @Option(
        names = "--timeout",
        description = "Upstream timeout per call, seconds (default: ${DEFAULT-VALUE}).",
        defaultValue = "30")
    int timeoutSeconds;

    @Option(
        names = "--connect-timeout",
        description = "Upstream connect timeout, seconds (default: ${DEFAULT-VALUE}).",
        defaultValue = "10")
    int connectTimeoutSeconds;

    @Option(
        names = "--max-result-bytes",
        description = "Largest tool result sent to the client (default: ${DEFAULT-VALUE}).",
        defaultValue = "100000")
    int maxResultBytes;

    @Option(
        names = "--schema-profile",
        description =
            "Schemas as generated (standard) or portable: no $ref/$defs, plain object roots"
                + " (default: ${DEFAULT-VALUE}).",
        defaultValue = "standard")
    String schemaProfile;

    @Option(
        names = "--allowed-host",
        description = "Another Host/Origin name to accept besides localhost (repeatable).")
    List<String> allowedHosts = List.of();

    boolean portable() {
      if (!schemaProfile.equals("standard") && !schemaProfile.equals("portable")) {
        throw new IllegalArgumentException("--schema-profile must be standard or portable");
      }
      return schemaProfile.equals("portable");
    }

    ServerApp.Options options() {
      if (timeoutSeconds <= 0 || connectTimeoutSeconds <= 0 || maxResultBytes <= 0) {
        throw new IllegalArgumentException(
            "--timeout, --connect-timeout and --max-result-bytes must be positive");
      }
      ToolExecutor.Limits limits =
          new ToolExecutor.Limits(
              Duration.ofSeconds(timeoutSeconds),
              maxResultBytes,
              Duration.ofSeconds(connectTimeoutSeconds));
      if (sandbox) {
        return new ServerApp.Options(
            true, null, null, limits, 5L * 1024 * 1024, new LinkedHashSet<>(allowedHosts));
      }
      String key = System.getenv("TORII_API_KEY");
      if (key == null || key.isBlank()) {
        // One line through the execution exception handler (exit 1), not a usage dump.
        throw new IllegalStateException(
            "TORII_API_KEY is not set. Set it to a Torii API key (Settings > API Access), or use --sandbox"
                + " to try the server on demo data.");
      }
      String base = System.getenv().getOrDefault("TORII_BASE_URL", "https://api.toriihq.com/v1.0");
      URI uri;
      try {
        uri = URI.create(base);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("TORII_BASE_URL is not a URL: " + base);
      }
      return new ServerApp.Options(
          false, uri, key.strip(), limits, 5L * 1024 * 1024, new LinkedHashSet<>(allowedHosts));
    }
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Serve MCP over Streamable HTTP on 127.0.0.1.")
  static final class Serve implements Callable<Integer> {
    @Mixin UpstreamOptions upstream = new UpstreamOptions();

    @Mixin StoreOptions storeOptions = new StoreOptions();

    @Option(
        names = "--port",
        description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).",
        defaultValue = "8808")
    int port;

    @Override
    public Integer call() throws Exception {
      ServerApp.Options options = upstream.options();
      boolean portable = upstream.portable();
      // This process's own endpoint (the URL printed below) lives in memory and never waits for the
      // database, which opens once the banner is out (or sooner, when something needs it).
      StoreOpening store = storeOptions.opening();
      StaticEndpoints endpoints = new StaticEndpoints();
      ServerApp app = ServerApp.create(options);
      String token = app.addFullAccess(endpoints, portable);
      AccessLayer access = app.openAccess(store, endpoints, storeOptions.upstreamPolicy());
      String adminToken = null;
      if (options.sandbox()) {
        adminToken = Tokens.newToken();
        access.admin().allow(adminToken);
      }
      app.listen(port, access.resolver(), options, access.admin());
      // The tools load beside the listener's start; a catalog that cannot load ends here.
      int tools = app.catalog().size();
      String url = "http://127.0.0.1:" + app.port() + "/mcp/" + token;
      String jar = jarPath();
      System.out.println("MCP URL: " + url);
      if (adminToken != null) {
        System.out.println("Admin token: " + adminToken);
        System.out.println(
            "  Try the admin API: curl -H 'Authorization: Bearer <Admin token>' http://127.0.0.1:"
                + app.port()
                + "/integrated-account");
      }
      System.out.println();
      System.out.println("Claude Desktop (claude_desktop_config.json), stdio:");
      System.out.println(
          "  {\"mcpServers\": {\"torii\": {\"command\": \"java\", \"args\": [\"-jar\", \""
              + jar
              + "\", \"stdio\""
              + (options.sandbox() ? ", \"--sandbox\"" : "")
              + "]"
              + (options.sandbox()
                  ? ""
                  : ", \"env\": {\"TORII_API_KEY\": \"<your Torii API key>\"}")
              + "}}}");
      System.out.println("Claude Desktop, through mcp-remote to this running server:");
      System.out.println(
          "  {\"mcpServers\": {\"torii\": {\"command\": \"npx\", \"args\": [\"mcp-remote\", \""
              + url
              + "\"]}}}");
      System.out.println();
      System.out.println(
          "Serving "
              + tools
              + " tools"
              + (options.sandbox()
                  ? " on the Torii sandbox (demo data)"
                  : " on " + options.baseUrl())
              + ". Press Ctrl+C to stop.");
      System.out.flush();
      store.after(OPEN_STORE_AFTER);
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      app.close();
                    } catch (Exception e) {
                      // shutting down anyway
                    }
                    stop.countDown();
                  }));
      // A database that cannot be opened ends the process with its one-line error (exit 1).
      access.awaitOpen();
      stop.await();
      return 0;
    }
  }

  /**
   * How long after the banner the database opens if nothing needed it sooner: the first client's
   * {@code initialize} and {@code tools/list} then have the machine to themselves.
   */
  static final Duration OPEN_STORE_AFTER = Duration.ofMillis(500);

  @Command(
      name = "stdio",
      mixinStandardHelpOptions = true,
      description = "Serve MCP over stdin/stdout (for Claude Desktop's command config).")
  static final class Stdio implements Callable<Integer> {
    @Mixin UpstreamOptions upstream = new UpstreamOptions();

    @Override
    public Integer call() throws Exception {
      ServerApp.Options options = upstream.options();
      try (ServerApp app = ServerApp.create(options)) {
        new StdioTransport(app.mcp(), app.fullAccess().withPortableSchemas(upstream.portable()))
            .run(System.in, System.out);
      }
      return 0;
    }
  }

  static String jarPath() {
    try {
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath()
          .toString();
    } catch (Exception e) {
      return "torii-mcp-server.jar";
    }
  }
}
