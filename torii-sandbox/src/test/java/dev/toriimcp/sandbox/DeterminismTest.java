package dev.toriimcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @Test
  void theSameSeedGivesIdenticalPages() {
    try (ToriiSandbox a = ToriiSandbox.start(SandboxOptions.builder().seed(42).build());
        ToriiSandbox b = ToriiSandbox.start(SandboxOptions.builder().seed(42).build())) {
      assertEquals(
          pages(
              new Http(a),
              "/users?size=50&fields=email,department,lifecycleStatus,activeAppsCount,creationTime"),
          pages(
              new Http(b),
              "/users?size=50&fields=email,department,lifecycleStatus,activeAppsCount,creationTime"));
      assertEquals(pages(new Http(a), "/users?size=100"), pages(new Http(b), "/users?size=100"));
      assertEquals(
          new Http(a).get("/apps?fields=name,state,primaryOwner,activeUsersCount").json(),
          new Http(b).get("/apps?fields=name,state,primaryOwner,activeUsersCount").json());
      assertEquals(
          new Http(a).get("/audit?size=200").json(), new Http(b).get("/audit?size=200").json());
    }
  }

  @Test
  void anotherSeedGivesOtherUsersButTheSameNotableRecords() {
    try (ToriiSandbox a = ToriiSandbox.start(SandboxOptions.builder().seed(1).build());
        ToriiSandbox b = ToriiSandbox.start(SandboxOptions.builder().seed(2).build())) {
      assertNotEquals(pages(new Http(a), "/users?size=100"), pages(new Http(b), "/users?size=100"));
      for (ToriiSandbox sandbox : List.of(a, b)) {
        User alex = sandbox.state().userByEmail("alex.chen@company.com").orElseThrow();
        assertEquals("active", alex.lifecycleStatus());
        assertEquals(true, alex.isDeletedInIdentitySources());
        assertEquals(null, sandbox.state().appByName("Dropbox").orElseThrow().primaryOwner());
      }
    }
  }

  private static List<JsonNode> pages(Http http, String query) {
    List<JsonNode> pages = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          http.get(query + (cursor == null ? "" : "&cursor=" + Http.enc(cursor))).json();
      pages.add(page);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return pages;
  }
}
