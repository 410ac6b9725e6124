package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.toriimcp.server.runtime.EndpointContext;
import dev.toriimcp.server.runtime.ToolCatalog;
import dev.toriimcp.server.runtime.ToolExecutor;
import dev.toriimcp.server.runtime.Upstream;
import dev.toriimcp.server.runtime.UpstreamClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tool calls: validation, pagination, errors, 429, truncation, filters. */
class ToolExecutionTest {
  static ServerFixture server;
  static McpHttp client;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture();
    client = server.client();
    client.initialize();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String text(JsonNode result) {
    return result.at("/content/0/text").asText();
  }

  @Test
  void invalidArgumentsAreExplainedAndNothingIsSent() throws Exception {
    int audit = server.app.sandbox().state().auditCount();
    JsonNode r =
        client.call(
            "create_a_torii_contract",
            "{\"name\":\"Zoom 2027\",\"idApp\":\"zoom\",\"status\":\"active\",\"currency\":\"EUR\","
                + "\"startDate\":\"31/01/2026\",\"amount\":\"lots\"}");
    assertTrue(r.path("isError").asBoolean(), r.toString());
    assertEquals(
        "The arguments of create_a_torii_contract are not valid; nothing was sent to Torii. Fix these"
            + " and call again:\n"
            + "- amount: expected a number or an object {value, currency}\n"
            + "- currency: must be nested as {value, currency} inside the amount field\n"
            + "- idApp: expected a whole number, got string \"zoom\"\n"
            + "- startDate: expected an ISO 8601 date such as 2026-01-31",
        text(r));
    assertEquals(audit, server.app.sandbox().state().auditCount(), "no write reached the sandbox");
  }

  @Test
  void missingUnknownEnumAndDateArguments() throws Exception {
    assertEquals(
        "The arguments of update_a_torii_user_by_id are not valid; nothing was sent to Torii. Fix these"
            + " and call again:\n"
            + "- idUser: is required\n"
            + "- lifecycleStatus: must be one of active, offboarding, offboarded",
        text(client.call("update_a_torii_user_by_id", "{\"lifecycleStatus\":\"gone\"}")));
    String unknown = text(client.call("list_all_torii_roles", "{\"colour\":\"red\"}"));
    assertTrue(unknown.endsWith("- colour: unknown argument"), unknown);
    String date = text(client.call("list_all_torii_audit_logs", "{\"startTime\":\"yesterday\"}"));
    assertTrue(date.contains("- startTime: expected an ISO 8601 date such as 2026-01-31"), date);
  }

  @Test
  void paginationWalksEveryUserOnceWithCursorsPassedThrough() throws Exception {
    Set<Long> ids = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      String args =
          "{\"limit\":50" + (cursor == null ? "" : ",\"next_cursor\":\"" + cursor + "\"") + "}";
      JsonNode page = client.call("list_all_torii_users", args).get("structuredContent");
      assertFalse(page.has("nextCursor"), "Torii's field is renamed");
      page.get("users").forEach(u -> assertTrue(ids.add(u.get("id").asLong()), "user seen twice"));
      String next = page.path("next_cursor").asText(null);
      if (pages == 0) {
        // The cursor is Torii's, unchanged: the same query straight to the sandbox returns it.
        HttpResponse<String> direct =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(server.app.sandbox().baseUrl() + "/users?size=50"))
                        .header("Authorization", "Bearer " + server.app.sandbox().apiKey())
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertEquals(McpHttp.MAPPER.readTree(direct.body()).get("nextCursor").asText(), next);
      }
      cursor = next;
      pages++;
    } while (cursor != null && pages < 20);
    assertEquals(server.app.sandbox().state().users().size(), ids.size());
    assertEquals(5, pages);
  }

  @Test
  void upstreamErrorsBecomeToolErrors() throws Exception {
    JsonNode r = client.call("get_single_torii_user_by_id", "{\"idUser\":999}");
    assertTrue(r.path("isError").asBoolean());
    assertTrue(
        text(r)
            .startsWith("Torii answered get_single_torii_user_by_id with HTTP 404 (Not Found): "),
        text(r));
    assertFalse(text(r).contains("sandbox-demo-key"));
  }

  // ---- against a scripted upstream ---------------------------------------------------------

  record Scripted(int status, Map<String, String> headers, String body, long delayMs) {}

  static Fake fake(Scripted s) throws IOException {
    return new Fake(s);
  }

  /** A loopback HTTP server that answers every request the same way and counts them. */
  static final class Fake implements AutoCloseable {
    final HttpServer http;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    final AtomicReference<String> lastApiVersion = new AtomicReference<>();

    Fake(Scripted s) throws IOException {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      http.createContext(
          "/",
          ex -> {
            requests.incrementAndGet();
            lastAuthorization.set(ex.getRequestHeaders().getFirst("Authorization"));
            lastApiVersion.set(ex.getRequestHeaders().getFirst("X-API-Version"));
            try {
              Thread.sleep(s.delayMs());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            s.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] b = s.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(s.status(), b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
              ex.getResponseBody().write(b);
            }
            ex.close();
          });
      http.start();
    }

    EndpointContext endpoint() {
      return EndpointContext.all(
          "fake",
          new Upstream(
              URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/v1.0"),
              Secrets.record("fake-key-123")));
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }

  static ToolExecutor executor(Duration timeout, int maxResult) {
    return new ToolExecutor(
        ToolCatalog.load(),
        new UpstreamClient(Duration.ofSeconds(2), 1024 * 1024),
        new ToolExecutor.Limits(timeout, maxResult));
  }

  @Test
  void rateLimitWithHeadersIsReportedAndNotRetried() throws Exception {
    try (Fake f =
        fake(
            new Scripted(
                429,
                Map.of(
                    "Retry-After",
                    "17",
                    "ratelimit-limit",
                    "100",
                    "ratelimit-remaining",
                    "0",
                    "ratelimit-reset",
                    "17"),
                "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"slow down\"}",
                0))) {
      JsonNode r =
          executor(Duration.ofSeconds(5), 100_000).call(f.endpoint(), "list_all_torii_roles", null);
      assertEquals(1, f.requests.get(), "no retry");
      assertTrue(r.get("isError").asBoolean());
      assertEquals(
          "{\"ratelimit-limit\":100,\"ratelimit-remaining\":0,\"ratelimit-reset\":17,\"Retry-After\":17}",
          r.at("/_meta/dev.toriimcp~1rateLimit").toString());
      assertEquals(
          "Torii's rate limit for list_all_torii_roles is reached (100 requests per minute). This call"
              + " was not sent again. Wait 17 seconds before calling it again. ratelimit-limit: 100,"
              + " ratelimit-remaining: 0, ratelimit-reset: 17, Retry-After: 17",
          text(r));
      assertEquals("Bearer fake-key-123", f.lastAuthorization.get());
    }
  }

  @Test
  void rateLimitWithoutHeadersUsesTheDocumentedLimit() throws Exception {
    try (Fake f = fake(new Scripted(429, Map.of(), "", 0))) {
      JsonNode r =
          executor(Duration.ofSeconds(5), 100_000)
              .call(
                  f.endpoint(),
                  "get_single_torii_contract_by_id",
                  McpHttp.MAPPER.readTree("{\"idContract\":1}"));
      assertEquals(
          "{\"ratelimit-limit\":800,\"ratelimit-remaining\":0,\"ratelimit-reset\":60,\"Retry-After\":60}",
          r.at("/_meta/dev.toriimcp~1rateLimit").toString());
      assertTrue(
          text(r)
              .endsWith("Retry-After: 60 (Torii sent no Retry-After; this is the limit's window)"),
          text(r));
    }
  }

  @Test
  void serverErrorsBadJsonAndTimeouts() throws Exception {
    try (Fake f =
        fake(
            new Scripted(
                503,
                Map.of(),
                "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"maintenance\"}",
                0))) {
      assertEquals(
          "Torii answered list_all_torii_roles with HTTP 503 (Service Unavailable): maintenance",
          text(
              executor(Duration.ofSeconds(5), 100_000)
                  .call(f.endpoint(), "list_all_torii_roles", null)));
    }
    try (Fake f = fake(new Scripted(502, Map.of(), "<html>bad gateway</html>", 0))) {
      assertEquals(
          "Torii answered list_all_torii_roles with HTTP 502 (Bad Gateway): <html>bad gateway</html>",
          text(
              executor(Duration.ofSeconds(5), 100_000)
                  .call(f.endpoint(), "list_all_torii_roles", null)));
    }
    try (Fake f = fake(new Scripted(200, Map.of(), "{\"roles\": [", 0))) {
      assertEquals(
          "Torii answered list_all_torii_roles with something that is not JSON (HTTP 200); nothing could be read from it.",
          text(
              executor(Duration.ofSeconds(5), 100_000)
                  .call(f.endpoint(), "list_all_torii_roles", null)));
    }
    try (Fake f = fake(new Scripted(200, Map.of(), "{\"roles\":[]}", 3000))) {
      JsonNode r =
          executor(Duration.ofSeconds(1), 100_000).call(f.endpoint(), "list_all_torii_roles", null);
      assertTrue(r.get("isError").asBoolean());
      assertTrue(
          text(r).startsWith("Torii did not answer list_all_torii_roles within 1 s."), text(r));
    }
  }

  @Test
  void anUpstreamEchoingTheAuthorizationHeaderDoesNotLeakTheKey() throws Exception {
    String echo = "{\"message\":\"bad request; you sent Authorization: Bearer fake-key-123\"}";
    try (Fake f = fake(new Scripted(400, Map.of(), echo, 0))) {
      JsonNode r =
          executor(Duration.ofSeconds(5), 100_000).call(f.endpoint(), "list_all_torii_roles", null);
      assertEquals("Bearer fake-key-123", f.lastAuthorization.get());
      assertEquals(
          "Torii answered list_all_torii_roles with HTTP 400 (Bad Request): bad request; you sent"
              + " Authorization: Bearer (hidden)",
          text(r));
    }
  }

  @Test
  void connectionResetsAndHugeBodiesAreToolErrors() throws Exception {
    try (java.net.ServerSocket reset =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    java.net.Socket s = reset.accept();
                    s.setSoLinger(true, 0); // RST instead of FIN
                    s.close();
                  }
                } catch (IOException e) {
                  // closed
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      EndpointContext ep =
          EndpointContext.all(
              "reset",
              new Upstream(URI.create("http://127.0.0.1:" + reset.getLocalPort() + "/v1.0"), "k"));
      JsonNode r = executor(Duration.ofSeconds(5), 100_000).call(ep, "list_all_torii_roles", null);
      assertTrue(r.get("isError").asBoolean());
      assertTrue(
          text(r).startsWith("The connection to Torii failed during list_all_torii_roles"),
          text(r));
    }
    String huge = "{\"roles\":[\"" + "x".repeat(50 * 1024 * 1024) + "\"]}";
    try (Fake f = fake(new Scripted(200, Map.of(), huge, 0))) {
      JsonNode r =
          executor(Duration.ofSeconds(30), 100_000)
              .call(f.endpoint(), "list_all_torii_roles", null);
      assertEquals(
          "Torii's answer to list_all_torii_roles is larger than this server accepts. Ask for less: pass a"
              + " smaller limit or fewer fields.",
          text(r));
    }
  }

  @Test
  void tenThousandFailingCallsLeaveNoThreadsOrMemoryBehind() throws Exception {
    try (Fake failing = fake(new Scripted(503, Map.of(), "{\"message\":\"down\"}", 0));
        Fake healthy = fake(new Scripted(200, Map.of(), "{\"roles\":[]}", 0))) {
      ToolExecutor ex = executor(Duration.ofSeconds(5), 100_000);
      for (int i = 0; i < 200; i++) {
        ex.call(failing.endpoint(), "list_all_torii_roles", null); // warm up
      }
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      Runtime rt = Runtime.getRuntime();
      System.gc();
      int threadsBefore = threads.getThreadCount();
      long heapBefore = rt.totalMemory() - rt.freeMemory();
      for (int i = 0; i < 10_000; i++) {
        JsonNode r = ex.call(failing.endpoint(), "list_all_torii_roles", null);
        if (i % 1000 == 0) {
          assertTrue(r.get("isError").asBoolean());
          assertFalse(
              ex.call(healthy.endpoint(), "list_all_torii_roles", null)
                  .path("isError")
                  .asBoolean(false),
              "other clients are still served");
        }
      }
      System.gc();
      Thread.sleep(200);
      System.gc();
      int threadsAfter = threads.getThreadCount();
      long heapAfter = rt.totalMemory() - rt.freeMemory();
      System.out.println(
          "10,000 failing calls: threads "
              + threadsBefore
              + " -> "
              + threadsAfter
              + ", heap "
              + heapBefore / 1024
              + " KB -> "
              + heapAfter / 1024
              + " KB");
      assertTrue(
          threadsAfter - threadsBefore <= 8, "threads " + threadsBefore + " -> " + threadsAfter);
      assertTrue(
          heapAfter - heapBefore < 64L * 1024 * 1024,
          "heap grew by " + (heapAfter - heapBefore) / 1024 + " KB");
      assertTrue(failing.requests.get() >= 10_200);
    }
  }

  @Test
  void largePagesAreCutWithoutLosingItems() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      users.add(
          "{\"id\":"
              + i
              + ",\"email\":\"user"
              + i
              + "@company.com\",\"firstName\":\"Someone With A Long Name\"}");
    }
    String page =
        "{\"users\":["
            + String.join(",", users)
            + "],\"count\":200,\"total\":900,\"nextCursor\":\"Q1VSU09S\"}";
    try (Fake f = fake(new Scripted(200, Map.of("Content-Type", "application/json"), page, 0))) {
      JsonNode r =
          executor(Duration.ofSeconds(5), 4000).call(f.endpoint(), "list_all_torii_users", null);
      assertFalse(r.path("isError").asBoolean(false));
      JsonNode s = r.get("structuredContent");
      int shown = s.get("users").size();
      assertTrue(shown > 0 && shown < 200, "shown " + shown);
      assertFalse(s.has("next_cursor"), "the cursor would skip the cut items");
      String note = r.at("/content/1/text").asText();
      assertEquals(
          "Result truncated: "
              + shown
              + " of 200 items in `users` are shown and the rest of this page was"
              + " left out (next_cursor was removed so nothing is skipped). Ask for fewer `fields`, or call"
              + " again with limit="
              + shown
              + " and page with next_cursor.",
          note);
      assertEquals(note, r.at("/_meta/dev.toriimcp~1truncated").asText());
      assertTrue(r.at("/content/0/text").asText().length() <= 4000);
    }
  }

  @Test
  void pinnedApiVersionIsAlwaysSentAndIsNotAnArgument() throws Exception {
    try (Fake f = fake(new Scripted(200, Map.of(), "{\"contracts\":[]}", 0))) {
      ToolExecutor ex = executor(Duration.ofSeconds(5), 100_000);
      JsonNode ok =
          ex.call(f.endpoint(), "list_all_torii_contracts", McpHttp.MAPPER.readTree("{}"));
      assertFalse(ok.path("isError").asBoolean(), ok.toString());
      assertEquals("1.1", f.lastApiVersion.get());
      JsonNode rejected =
          ex.call(
              f.endpoint(),
              "list_all_torii_contracts",
              McpHttp.MAPPER.readTree("{\"X-API-Version\":\"1.0\"}"));
      assertTrue(rejected.path("isError").asBoolean());
      assertTrue(text(rejected).contains("X-API-Version"), text(rejected));
      assertEquals(1, f.requests.get(), "a rejected call never reaches the upstream");
    }
  }

  @Test
  void filteredToolsAreInvisibleAndUncallableLikeUnknownOnes() throws Exception {
    try (Fake f = fake(new Scripted(200, Map.of(), "{}", 0))) {
      ToolExecutor ex = executor(Duration.ofSeconds(5), 100_000);
      EndpointContext readOnly =
          new EndpointContext("ro", t -> t.access().readOnly(), f.endpoint().upstream(), false);
      assertTrue(ex.visible(readOnly).stream().allMatch(e -> e.info().access().readOnly()));
      assertEquals(35, ex.visible(readOnly).size());
      ToolExecutor.UnknownToolException filtered =
          assertThrows(
              ToolExecutor.UnknownToolException.class,
              () ->
                  ex.call(
                      readOnly,
                      "delete_a_torii_contract_by_id",
                      McpHttp.MAPPER.readTree("{\"idContract\":1}")));
      ToolExecutor.UnknownToolException unknown =
          assertThrows(
              ToolExecutor.UnknownToolException.class,
              () -> ex.call(readOnly, "no_such_tool", null));
      assertEquals("Unknown tool: delete_a_torii_contract_by_id", filtered.getMessage());
      assertEquals("Unknown tool: no_such_tool", unknown.getMessage());
      assertEquals(0, f.requests.get());
    }
  }
}
