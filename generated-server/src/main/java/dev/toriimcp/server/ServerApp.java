package dev.toriimcp.server;

import dev.toriimcp.sandbox.SandboxOptions;
import dev.toriimcp.sandbox.ToriiSandbox;
import dev.toriimcp.server.access.AccessLayer;
import dev.toriimcp.server.access.AccessStore;
import dev.toriimcp.server.access.EndpointResolver;
import dev.toriimcp.server.access.StaticEndpoints;
import dev.toriimcp.server.access.StoreOpening;
import dev.toriimcp.server.access.UpstreamPolicy;
import dev.toriimcp.server.protocol.McpServer;
import dev.toriimcp.server.runtime.EndpointContext;
import dev.toriimcp.server.runtime.ToolCatalog;
import dev.toriimcp.server.runtime.ToolExecutor;
import dev.toriimcp.server.runtime.Upstream;
import dev.toriimcp.server.runtime.UpstreamClient;
import dev.toriimcp.server.transport.HostGuard;
import dev.toriimcp.server.transport.HttpTransport;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The assembled server: tool catalog, executor, MCP protocol, and optionally the sandbox and the
 * HTTP transport. What the command line starts, and what tests start in-process.
 */
public final class ServerApp implements AutoCloseable {
  public static final String NAME = "torii-mcp";
  public static final String VERSION = "0.1.0";
  public static final String INSTRUCTIONS =
      "Tools for auditing a SaaS estate through Torii: users and offboarding, apps and shadow IT,"
          + " contracts, admin audit logs, roles and workflows. List tools page with limit and"
          + " next_cursor; pass next_cursor back exactly as received. Money is in cents; a currency"
          + " goes inside the money field as {value, currency}. Dates are ISO 8601.";

  /**
   * How to start.
   *
   * @param sandbox start the embedded Torii sandbox and use it as the upstream
   * @param baseUrl Torii's base URL when not in sandbox mode
   * @param apiKey Torii's API key when not in sandbox mode
   * @param limits timeouts and result size
   * @param maxRequestBytes largest MCP request body
   * @param allowedHosts extra Host/Origin names beyond localhost
   */
  public record Options(
      boolean sandbox,
      URI baseUrl,
      String apiKey,
      ToolExecutor.Limits limits,
      long maxRequestBytes,
      Set<String> allowedHosts) {
    public static Options sandboxed() {
      return new Options(true, null, null, ToolExecutor.Limits.DEFAULT, 5L * 1024 * 1024, Set.of());
    }

    @Override
    public String toString() {
      return "Options[sandbox=" + sandbox + ", baseUrl=" + baseUrl + ", apiKey=(hidden)]";
    }
  }

  private final ToriiSandbox sandbox;
  private final ToolCatalog catalog;
  private final ToolExecutor executor;
  private final McpServer mcp;
  private final Upstream upstream;
  private final UpstreamClient client;
  private HttpTransport http;
  private AccessLayer access;

  private ServerApp(Options options) {
    this.catalog = ToolCatalog.loadInBackground();
    if (options.sandbox()) {
      Map<String, Integer> limits = new HashMap<>();
      catalog
          .entries()
          .forEach(
              e ->
                  e.info()
                      .rateLimit()
                      .ifPresent(r -> limits.put(e.info().operationId(), r.requestsPerMinute())));
      this.sandbox = ToriiSandbox.start(SandboxOptions.builder().rateLimits(limits).build());
      this.upstream = new Upstream(URI.create(sandbox.baseUrl()), sandbox.apiKey());
    } else {
      this.sandbox = null;
      this.upstream = new Upstream(options.baseUrl(), options.apiKey());
    }
    this.client = new UpstreamClient(options.limits().connectTimeout(), MAX_UPSTREAM_BODY_BYTES);
    this.executor = new ToolExecutor(catalog, client, options.limits());
    this.mcp = new McpServer(executor, NAME, VERSION, INSTRUCTIONS);
  }

  /** The largest upstream answer read. */
  private static final long MAX_UPSTREAM_BODY_BYTES = 20L * 1024 * 1024;

  /** Builds everything but the HTTP listener. */
  public static ServerApp create(Options options) {
    return new ServerApp(options);
  }

  /** Starts Streamable HTTP on 127.0.0.1. */
  public ServerApp listen(int port, EndpointResolver endpoints, Options options) throws Exception {
    return listen(port, endpoints, options, null);
  }

  /** Starts Streamable HTTP on 127.0.0.1, with a handler for other paths (the admin API). */
  public ServerApp listen(
      int port, EndpointResolver endpoints, Options options, org.eclipse.jetty.server.Handler admin)
      throws Exception {
    http =
        new HttpTransport(
                "127.0.0.1",
                port,
                mcp,
                endpoints,
                new HostGuard(options.allowedHosts()),
                options.maxRequestBytes(),
                admin)
            .start();
    return this;
  }

  /**
   * Opens the access store (accounts, scoped servers, API tokens). Under the sandbox, the account
   * named {@code sandbox} is created or pointed at this process's sandbox.
   */
  public AccessLayer openAccess(
      AccessStore store, EndpointResolver first, UpstreamPolicy upstreams) {
    prepare(store);
    access =
        new AccessLayer(
            store,
            catalog.entries().stream().map(ToolCatalog.Entry::info).toList(),
            first,
            () -> "http://127.0.0.1:" + port(),
            upstreams);
    return access;
  }

  /**
   * As {@link #openAccess(AccessStore, EndpointResolver, UpstreamPolicy)} on a store that may not
   * be open yet: {@code first} answers at once, what needs the store has it opened and waits for it
   * ({@link AccessLayer#awaitOpen()} says whether it opened).
   */
  public AccessLayer openAccess(
      StoreOpening store, EndpointResolver first, UpstreamPolicy upstreams) {
    access =
        AccessLayer.opening(
            store,
            this::prepare,
            () -> catalog.entries().stream().map(ToolCatalog.Entry::info).toList(),
            first,
            () -> "http://127.0.0.1:" + port(),
            upstreams);
    return access;
  }

  private void prepare(AccessStore store) {
    if (sandbox != null) {
      store.upsertAccount("sandbox", URI.create(sandbox.baseUrl()), sandbox.apiKey());
    }
  }

  /** A full-access endpoint on the configured upstream. */
  public EndpointContext fullAccess() {
    return EndpointContext.all("default", upstream);
  }

  /** A resolver with one full-access endpoint; the token is returned through {@code tokenOut}. */
  public String addFullAccess(StaticEndpoints endpoints) {
    return addFullAccess(endpoints, false);
  }

  /** As {@link #addFullAccess(StaticEndpoints)}, in the portable schema profile if asked. */
  public String addFullAccess(StaticEndpoints endpoints, boolean portableSchemas) {
    return endpoints.add(fullAccess().withPortableSchemas(portableSchemas));
  }

  public McpServer mcp() {
    return mcp;
  }

  public ToolExecutor executor() {
    return executor;
  }

  public ToolCatalog catalog() {
    return catalog;
  }

  public Upstream upstream() {
    return upstream;
  }

  public ToriiSandbox sandbox() {
    return sandbox;
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() throws Exception {
    if (http != null) {
      http.close();
    }
    if (access != null) {
      access.close();
    }
    // before the sandbox: its graceful stop waits for kept-alive connections to close
    client.close();
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
