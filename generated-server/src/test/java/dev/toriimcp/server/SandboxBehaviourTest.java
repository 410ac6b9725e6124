package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.server.runtime.ToolExecutor;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rate limits, truncation and file uploads against the sandbox, end to end over HTTP. */
class SandboxBehaviourTest {

  @Test
  void theSandboxsRateLimitReachesTheAgentUnretried() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      McpHttp c = f.client();
      c.initialize();
      JsonNode last = null;
      int calls = 0;
      for (; calls < 150; calls++) {
        last = c.call("list_all_torii_roles", "{}");
        if (last.path("isError").asBoolean(false)) {
          break;
        }
      }
      assertEquals(100, calls, "list roles allows 100 calls per minute");
      JsonNode figures = last.at("/_meta/dev.toriimcp~1rateLimit");
      assertEquals(100, figures.get("ratelimit-limit").asInt());
      assertEquals(0, figures.get("ratelimit-remaining").asInt());
      assertTrue(
          figures.get("Retry-After").asInt() > 0 && figures.get("Retry-After").asInt() <= 60,
          figures.toString());
      assertTrue(
          last.at("/content/0/text")
              .asText()
              .startsWith(
                  "Torii's rate limit for list_all_torii_roles is reached (100 requests per minute). This call was not sent again."));
    }
  }

  @Test
  void largePagesFromTheSandboxAreCut() throws Exception {
    ServerApp.Options small =
        new ServerApp.Options(
            true,
            null,
            null,
            new ToolExecutor.Limits(Duration.ofSeconds(30), 6000),
            5L * 1024 * 1024,
            Set.of());
    try (ServerFixture f = new ServerFixture(small)) {
      McpHttp c = f.client();
      c.initialize();
      JsonNode r = c.call("list_all_torii_users", "{\"limit\":200}");
      assertFalse(r.path("isError").asBoolean(false));
      int shown = r.at("/structuredContent/users").size();
      assertTrue(shown > 0 && shown < 200, "shown " + shown);
      assertFalse(r.at("/structuredContent").has("next_cursor"));
      assertTrue(
          r.at("/_meta/dev.toriimcp~1truncated")
              .asText()
              .contains("call again with limit=" + shown),
          r.toString());
    }
  }

  @Test
  void filesAreUploadedAsMultipart() throws Exception {
    try (ServerFixture f = new ServerFixture()) {
      McpHttp c = f.client();
      c.initialize();
      String content = "date,vendor,amount\n2026-01-31,Dropbox,1200\n";
      JsonNode r =
          c.call(
              "upload_a_torii_file",
              "{\"file\":\""
                  + Base64.getEncoder().encodeToString(content.getBytes())
                  + "\",\"file_filename\":\"expenses.csv\",\"type\":\"expenseReport\"}");
      assertFalse(r.path("isError").asBoolean(false), r.toString());
      int id = r.at("/structuredContent/id").asInt();
      assertTrue(id > 0, r.toString());
      assertEquals(content, new String(f.app.sandbox().state().file(id).orElseThrow().content()));
      String tooBig = "A".repeat(4194304 + 4);
      String text =
          c.call("upload_a_torii_file", "{\"file\":\"" + tooBig + "\",\"type\":\"attachment\"}")
              .at("/content/0/text")
              .asText();
      assertTrue(text.contains("- file: must have at most 4194304 characters"), text);
    }
  }
}
