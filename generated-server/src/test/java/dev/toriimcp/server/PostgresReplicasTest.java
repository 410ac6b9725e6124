package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.server.access.AccessStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server replicas on one PostgreSQL see each other's scoped servers, deletions and expiries.
 */
class PostgresReplicasTest {
  @TempDir Path dir;

  @Test
  void twoReplicasShareScopedServers() throws Exception {
    assumeTrue(LocalPostgres.available(), "PostgreSQL 15 is not installed at " + LocalPostgres.BIN);
    String ping =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    ScopedFixture.MovableClock clock = new ScopedFixture.MovableClock();
    try (LocalPostgres pg = new LocalPostgres();
        ScopedFixture a =
            new ScopedFixture(dir, new AccessStore.Location(pg.url(), "postgres", ""), clock);
        ScopedFixture b =
            new ScopedFixture(dir, new AccessStore.Location(pg.url(), "postgres", ""), clock)) {
      String account = a.sandboxAccount();
      JsonNode created =
          a.admin(
                  "POST",
                  "/integrated-account/" + account + "/mcp",
                  "{\"name\":\"shared\",\"config\":{\"methods\":[\"read\"],\"tags\":[\"roles\"]}}")
              .body();
      String token =
          created.get("url").asText().substring(created.get("url").asText().lastIndexOf('/') + 1);
      McpHttp viaB = new McpHttp(b.base + "/mcp/" + token);
      viaB.initialize();
      assertEquals(1, viaB.request("tools/list", null).at("/result/tools").size());
      assertEquals(
          1, b.admin("GET", "/integrated-account/" + account + "/mcp", null).body().size());

      assertEquals(
          204,
          a.admin(
                  "DELETE",
                  "/integrated-account/" + account + "/mcp/" + created.get("id").asText(),
                  null)
              .status());
      Thread.sleep(1100);
      assertEquals(404, viaB.post(ping, Map.of()).status());
      assertEquals(404, new McpHttp(a.base + "/mcp/" + token).post(ping, Map.of()).status());

      JsonNode expiring =
          b.admin(
                  "POST",
                  "/integrated-account/" + account + "/mcp",
                  "{\"name\":\"brief\",\"expires_at\":\""
                      + clock.instant().plus(Duration.ofSeconds(61))
                      + "\"}")
              .body();
      String t2 =
          expiring.get("url").asText().substring(expiring.get("url").asText().lastIndexOf('/') + 1);
      assertEquals(200, new McpHttp(a.base + "/mcp/" + t2).post(ping, Map.of()).status());
      clock.advance(Duration.ofSeconds(62));
      assertEquals(404, new McpHttp(a.base + "/mcp/" + t2).post(ping, Map.of()).status());
      assertEquals(404, new McpHttp(b.base + "/mcp/" + t2).post(ping, Map.of()).status());
      assertEquals(1, a.access.endpoints().sweep());
      assertEquals(
          0, b.admin("GET", "/integrated-account/" + account + "/mcp", null).body().size());
    }
  }
}
