package dev.toriimcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void exceedingTheLimitGives429WithRetryAfterUntilTheWindowResets() {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:15Z"));
    SandboxOptions options =
        SandboxOptions.builder().clock(clock).rateLimits(Map.of("getRoles", 3)).build();
    try (ToriiSandbox sandbox = ToriiSandbox.start(options)) {
      Http http = new Http(sandbox);
      for (int i = 0; i < 3; i++) {
        Http.Reply ok = http.get("/roles");
        assertEquals(200, ok.status());
        assertEquals("3", ok.header("ratelimit-limit"));
        assertEquals(String.valueOf(2 - i), ok.header("ratelimit-remaining"));
        assertEquals("45", ok.header("ratelimit-reset"));
      }
      Http.Reply limited = http.get("/roles");
      assertEquals(429, limited.status());
      assertEquals(429, limited.json().get("statusCode").asInt());
      assertEquals("Too Many Requests", limited.json().get("error").asText());
      assertTrue(limited.message().contains("getRoles"), limited.message());
      assertEquals("45", limited.header("Retry-After"));
      assertEquals("0", limited.header("ratelimit-remaining"));

      assertEquals(200, http.get("/orgs/my").status(), "other operations are not limited");
      assertNull(http.get("/orgs/my").header("ratelimit-limit"));

      clock.advance(Duration.ofSeconds(44));
      assertEquals(429, http.get("/roles").status());
      assertEquals("1", http.get("/roles").header("Retry-After"));
      clock.advance(Duration.ofSeconds(1));
      assertEquals(200, http.get("/roles").status(), "a new minute window");
    }
  }

  @Test
  void ratelimitHeadersCanBeSwitchedOffButRetryAfterStays() {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    SandboxOptions options =
        SandboxOptions.builder()
            .clock(clock)
            .rateLimits(Map.of("getUsers", 1))
            .rateLimitHeaders(false)
            .build();
    try (ToriiSandbox sandbox = ToriiSandbox.start(options)) {
      Http http = new Http(sandbox);
      Http.Reply ok = http.get("/users?size=1");
      assertEquals(200, ok.status());
      assertNull(ok.header("ratelimit-limit"));
      Http.Reply limited = http.get("/users?size=1");
      assertEquals(429, limited.status());
      assertNull(limited.header("ratelimit-remaining"));
      assertNotNull(limited.header("Retry-After"));
      assertEquals("60", limited.header("Retry-After"));
    }
  }

  @Test
  void documentedLimitsCoverTheImplementedOperations() {
    Map<String, Integer> limits = SandboxOptions.documentedRateLimits();
    assertEquals(800, limits.get("getContractsIdcontract"));
    assertEquals(100, limits.get("getRoles"));
    assertEquals(200, limits.get("postAppsCustom"));
  }
}
