package dev.toriimcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.server.access.AccessLayer;
import dev.toriimcp.server.access.AccessStore;
import dev.toriimcp.server.access.SecretBox;
import dev.toriimcp.server.access.StaticEndpoints;
import dev.toriimcp.server.access.UpstreamPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * A server with the sandbox, an access store and the admin API, as {@code serve --sandbox} runs it.
 */
public final class ScopedFixture implements AutoCloseable {
  /** A clock tests can move forward. */
  public static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  public final ServerApp app;
  public final AccessLayer access;
  public final String base;
  public final String adminToken;
  public final String fullAccessUrl;
  public final MovableClock clock;
  private final HttpClient http = HttpClient.newHttpClient();

  public ScopedFixture(Path dataDir, AccessStore.Location location, MovableClock clock)
      throws Exception {
    this.clock = clock;
    ServerApp.Options options = ServerApp.Options.sandboxed();
    app = ServerApp.create(options);
    StaticEndpoints endpoints = new StaticEndpoints();
    String token = app.addFullAccess(endpoints);
    AccessStore store = new AccessStore(location, SecretBox.open(null, dataDir), clock);
    access = app.openAccess(store, endpoints, new UpstreamPolicy(Set.of("127.0.0.1")));
    adminToken = Secrets.record(store.createApiToken("tests").value());
    app.listen(0, access.endpoints(), options, access.admin());
    base = "http://127.0.0.1:" + app.port();
    fullAccessUrl = base + "/mcp/" + Secrets.record(token);
  }

  public ScopedFixture(Path dataDir) throws Exception {
    this(dataDir, AccessStore.Location.h2(dataDir), new MovableClock());
  }

  /** An admin API call; returns status and parsed body. */
  public record Reply(int status, JsonNode body) {}

  public Reply admin(String method, String path, String json, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isEmpty() ? null : McpHttp.MAPPER.readTree(r.body()));
  }

  public Reply admin(String method, String path, String json) throws Exception {
    return admin(method, path, json, adminToken);
  }

  public String sandboxAccount() throws Exception {
    for (JsonNode a : admin("GET", "/integrated-account", null).body()) {
      if (a.get("name").asText().equals("sandbox")) {
        return a.get("id").asText();
      }
    }
    throw new AssertionError("no sandbox account");
  }

  @Override
  public void close() throws Exception {
    app.close();
  }
}
