package dev.toriimcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthAndRoutingTest {
  static ToriiSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = ToriiSandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void requestsWithoutTheApiKeyGet401() {
    Http anonymous = new Http(sandbox.baseUrl(), null);
    Http.Reply reply = anonymous.get("/users");
    assertEquals(401, reply.status());
    assertEquals(401, reply.json().get("statusCode").asInt());
    assertEquals("Unauthorized", reply.json().get("error").asText());
    assertTrue(reply.message().contains("Bearer"));

    Http wrongKey = new Http(sandbox.baseUrl(), "not-the-key");
    assertEquals(401, wrongKey.get("/orgs/my").status());
    assertEquals(401, wrongKey.post("/contracts", "{}").status());
    assertEquals(401, wrongKey.get("/does/not/exist").status());
  }

  @Test
  void theApiIsServedAtTheRootAndUnderV10() {
    assertTrue(sandbox.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/v1\\.0"), sandbox.baseUrl());
    assertEquals("sandbox-demo-key", sandbox.apiKey());
    Http versioned = new Http(sandbox);
    Http root = new Http(sandbox.rootUrl(), sandbox.apiKey());
    assertEquals(200, versioned.get("/orgs/my").status());
    assertEquals(200, root.get("/orgs/my").status());
    assertEquals(versioned.get("/users?size=3").json(), root.get("/users?size=3").json());
  }

  @Test
  void unknownRoutesAndBadIdsAreTorriShapedErrors() {
    Http http = new Http(sandbox);
    Http.Reply missing = http.get("/widgets");
    assertEquals(404, missing.status());
    assertEquals("Not Found", missing.json().get("error").asText());
    Http.Reply badId = http.get("/users/abc");
    assertEquals(400, badId.status());
    assertTrue(badId.message().contains("idUser"), badId.message());
    assertEquals(404, http.get("/users/1").status());
    assertEquals(404, http.get("/apps/1").status());
    Http.Reply notAllowed = http.send(http.request("/users").DELETE());
    assertEquals(405, notAllowed.status());
    assertEquals("GET", notAllowed.header("Allow"));
    assertEquals(501, http.post("/plugins", "{\"name\":\"x\"}").status());
  }
}
