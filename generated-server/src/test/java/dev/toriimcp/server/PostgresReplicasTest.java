package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL: a scoped server created through one works through the
 * other, and a deletion or expiry is seen by both.
 */
class PostgresReplicasTest {
  @TempDir Path dir;

  /** One {@code serve --sandbox} process. */
  static final class Replica implements AutoCloseable {
    final Process process;
    final String base;
    final String adminToken;

    Replica(String dbUrl, Path dataDir) throws Exception {
      process =
          new ProcessBuilder(
                  "java",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.toriimcp.server.cli.Main",
                  "serve",
                  "--sandbox",
                  "--port",
                  "0",
                  "--db-url",
                  dbUrl,
                  "--db-user",
                  "postgres",
                  "--data-dir",
                  dataDir.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      String line;
      while (System.nanoTime() < deadline
          && (line = out.readLine()) != null
          && !line.startsWith("Serving ")) {
        lines.add(line);
      }
      String url =
          lines.stream()
              .filter(l -> l.startsWith("MCP URL: "))
              .findFirst()
              .orElseThrow(() -> new AssertionError(lines.toString()))
              .substring(9);
      base = url.substring(0, url.indexOf("/mcp/"));
      adminToken =
          Secrets.record(
              lines.stream()
                  .filter(l -> l.startsWith("Admin token: "))
                  .findFirst()
                  .orElseThrow()
                  .substring(13));
      Secrets.fromUrl(url);
    }

    JsonNode admin(String method, String path, String json) throws Exception {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + path))
                      .method(
                          method,
                          json == null
                              ? HttpRequest.BodyPublishers.noBody()
                              : HttpRequest.BodyPublishers.ofString(json))
                      .header("Authorization", "Bearer " + adminToken)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
      return r.body().isEmpty() ? null : McpHttp.MAPPER.readTree(r.body());
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private static int status(String url) throws Exception {
    return new McpHttp(url)
        .post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
            Map.of())
        .status();
  }

  @Test
  void twoServerProcessesShareScopedServers() throws Exception {
    assumeTrue(LocalPostgres.available(), "PostgreSQL 15 is not installed at " + LocalPostgres.BIN);
    try (LocalPostgres pg = new LocalPostgres();
        Replica a = new Replica(pg.url(), dir);
        Replica b = new Replica(pg.url(), dir)) {
      String account = null;
      for (JsonNode acc : a.admin("GET", "/integrated-account", null)) {
        if (acc.get("name").asText().equals("sandbox")) {
          account = acc.get("id").asText();
        }
      }
      JsonNode created =
          a.admin(
              "POST",
              "/integrated-account/" + account + "/mcp",
              "{\"name\":\"shared\",\"config\":{\"methods\":[\"read\"],\"tags\":[\"roles\"]}}");
      String token =
          created.get("url").asText().substring(created.get("url").asText().lastIndexOf('/') + 1);
      McpHttp viaB = new McpHttp(b.base + "/mcp/" + token);
      viaB.initialize();
      assertEquals(
          "list_all_torii_roles",
          viaB.request("tools/list", null).at("/result/tools/0/name").asText());
      assertEquals(1, viaB.request("tools/list", null).at("/result/tools").size());
      assertEquals(1, b.admin("GET", "/integrated-account/" + account + "/mcp", null).size());

      a.admin(
          "DELETE", "/integrated-account/" + account + "/mcp/" + created.get("id").asText(), null);
      Thread.sleep(1100); // resolutions are cached for at most one second
      assertEquals(404, status(b.base + "/mcp/" + token));
      assertEquals(404, status(a.base + "/mcp/" + token));

      JsonNode second =
          b.admin(
              "POST",
              "/integrated-account/" + account + "/mcp",
              "{\"name\":\"brief\",\"expires_at\":\"2099-01-01T00:00:00Z\"}");
      String t2 =
          second.get("url").asText().substring(second.get("url").asText().lastIndexOf('/') + 1);
      assertEquals(200, status(a.base + "/mcp/" + t2));
      // Time passes: the expiry moves into the past in the shared database.
      try (Connection c = DriverManager.getConnection(pg.url(), "postgres", "")) {
        c.createStatement()
            .executeUpdate("UPDATE mcp_server SET expires_at = now() - interval '1 second'");
      }
      Thread.sleep(1100);
      assertEquals(404, status(a.base + "/mcp/" + t2));
      assertEquals(404, status(b.base + "/mcp/" + t2));
    }
  }
}
