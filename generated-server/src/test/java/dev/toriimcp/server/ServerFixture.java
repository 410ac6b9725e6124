package dev.toriimcp.server;

import dev.toriimcp.server.access.StaticEndpoints;

/** A server with the sandbox on port 0 and one full-access endpoint, shared by a test class. */
public final class ServerFixture implements AutoCloseable {
  public final ServerApp app;
  public final String url;

  public ServerFixture() throws Exception {
    this(ServerApp.Options.sandboxed());
  }

  public ServerFixture(ServerApp.Options options) throws Exception {
    StaticEndpoints endpoints = new StaticEndpoints();
    app = ServerApp.create(options);
    String token = app.addFullAccess(endpoints);
    app.listen(0, endpoints, options);
    url = "http://127.0.0.1:" + app.port() + "/mcp/" + Secrets.record(token);
    Secrets.record(app.sandbox().apiKey());
  }

  public McpHttp client() {
    return new McpHttp(url);
  }

  @Override
  public void close() throws Exception {
    app.close();
  }
}
