package dev.toriimcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaginationTest {
  static ToriiSandbox sandbox;
  static Http http;

  @BeforeAll
  static void start() {
    sandbox = ToriiSandbox.start();
    http = new Http(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void walkingEveryPageReturnsEveryUserExactlyOnce() {
    List<Integer> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    int total = -1;
    do {
      String query =
          "/users?size=37&fields=email" + (cursor == null ? "" : "&cursor=" + Http.enc(cursor));
      Http.Reply reply = http.get(query);
      assertEquals(200, reply.status(), reply.json().toString());
      JsonNode body = reply.json();
      total = body.get("total").asInt();
      assertEquals(body.get("users").size(), body.get("count").asInt());
      body.get("users").forEach(u -> seen.add(u.get("id").asInt()));
      JsonNode next = body.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
      pages++;
    } while (cursor != null && pages < 100);
    assertEquals(sandbox.state().users().size(), total);
    assertEquals(total, seen.size(), "every user once");
    assertEquals(total, new HashSet<>(seen).size(), "no duplicates");
    assertEquals((total + 36) / 37, pages);
    Set<Integer> expected = new HashSet<>();
    sandbox.state().users().forEach(u -> expected.add(u.id()));
    assertEquals(expected, new HashSet<>(seen));
  }

  @Test
  void lastPageHasNullNextCursor() {
    JsonNode body = http.get("/users?size=1000").json();
    assertTrue(body.get("nextCursor").isNull());
    assertEquals(body.get("total").asInt(), body.get("count").asInt());
  }

  @Test
  void cursorFromAnotherQueryIsRejected() {
    String cursor = http.get("/users?size=10").json().get("nextCursor").asText();
    Http.Reply otherFilter =
        http.get("/users?size=10&lifecycleStatus=active&cursor=" + Http.enc(cursor));
    assertEquals(400, otherFilter.status());
    assertTrue(otherFilter.message().contains("different query"), otherFilter.message());
    Http.Reply otherEndpoint = http.get("/apps?size=10&cursor=" + Http.enc(cursor));
    assertEquals(400, otherEndpoint.status());
    Http.Reply sameQuery = http.get("/users?size=10&cursor=" + Http.enc(cursor));
    assertEquals(200, sameQuery.status());
    assertEquals(10010 + 1, sameQuery.json().get("users").get(0).get("id").asInt());
  }

  @Test
  void tamperedOrGarbageCursorsAreRejected() {
    assertEquals(400, http.get("/users?cursor=not-base64!!").status());
    String forged =
        java.util.Base64.getEncoder()
            .encodeToString("{\"o\":5,\"f\":\"x\",\"s\":\"y\"}".getBytes());
    Http.Reply reply = http.get("/users?cursor=" + Http.enc(forged));
    assertEquals(400, reply.status());
    assertEquals("Bad Request", reply.json().get("error").asText());
  }

  @Test
  void sizeBoundsFollowTheFactSheet() {
    assertEquals(400, http.get("/users?size=0").status());
    assertEquals(400, http.get("/users?size=1001").status());
    assertEquals(400, http.get("/users?size=abc").status());
    assertEquals(400, http.get("/audit?size=1001").status());
    assertEquals(50, http.get("/audit").json().get("count").asInt());
    assertEquals(50, http.get("/workflows/actionExecutions").json().get("count").asInt());
    int auditCount = sandbox.state().auditCount();
    assertEquals(
        Math.min(1000, auditCount), http.get("/audit?size=1000").json().get("count").asInt());
  }

  @Test
  void auditAndActionExecutionsPageWithCursors() {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int entries = 0;
    do {
      JsonNode body =
          http.get("/audit?size=40" + (cursor == null ? "" : "&cursor=" + Http.enc(cursor))).json();
      for (JsonNode e : body.get("audit")) {
        seen.add(e.toString());
        entries++;
      }
      cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
    } while (cursor != null);
    assertEquals(sandbox.state().auditCount(), entries);
    assertEquals(entries, seen.size());

    JsonNode first = http.get("/workflows/actionExecutions?size=20").json();
    assertNotNull(first.get("actionExecutions"));
    assertFalse(first.get("nextCursor").isNull());
    JsonNode second =
        http.get(
                "/workflows/actionExecutions?size=20&cursor="
                    + Http.enc(first.get("nextCursor").asText()))
            .json();
    assertTrue(
        first.get("actionExecutions").get(19).get("id").asInt()
            > second.get("actionExecutions").get(0).get("id").asInt());
  }
}
