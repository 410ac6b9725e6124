package dev.toriimcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FiltersTest {
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

  private static JsonNode apps(String fields, String filters) {
    Http.Reply reply = http.get("/apps?fields=" + fields + "&filters=" + Http.enc(filters));
    assertEquals(200, reply.status(), String.valueOf(reply.json()));
    return reply.json();
  }

  @Test
  void nestedOwnerKeysAndComparisons() {
    JsonNode priya =
        apps(
            "name,primaryOwner",
            "[{\"key\":\"primaryOwner.email\",\"op\":\"equals\",\"value\":\"PRIYA.RAMAN@company.com\"}]");
    assertTrue(priya.get("total").asInt() >= 2);
    priya
        .get("apps")
        .forEach(a -> assertEquals(SeedData.PRIYA_ID, a.get("primaryOwner").get("id").asInt()));

    JsonNode byId =
        apps(
            "name,primaryOwner",
            "[{\"key\":\"primaryOwner\",\"op\":\"equals\",\"value\":" + SeedData.PRIYA_ID + "}]");
    assertEquals(priya.get("total"), byId.get("total"));

    JsonNode notManaged =
        apps("state", "[{\"key\":\"state\",\"op\":\"notEquals\",\"value\":\"managed\"}]");
    notManaged.get("apps").forEach(a -> assertTrue(!a.get("state").asText().equals("managed")));

    JsonNode small =
        apps("activeUsersCount", "[{\"key\":\"activeUsersCount\",\"op\":\"lt\",\"value\":3}]");
    small.get("apps").forEach(a -> assertTrue(a.get("activeUsersCount").asInt() < 3));

    int total = http.get("/apps?size=1").json().get("total").asInt();
    int set = apps("name", "[{\"key\":\"primaryOwner\",\"op\":\"isSet\"}]").get("total").asInt();
    int unset =
        apps("name", "[{\"key\":\"primaryOwner\",\"op\":\"isNotSet\"}]").get("total").asInt();
    assertEquals(total, set + unset);
  }

  @Test
  void groupsAreOredAndFiltersInsideAGroupAreAnded() {
    String groups =
        "[{\"id\":\"a\",\"filters\":[{\"key\":\"name\",\"op\":\"equals\",\"value\":\"Slack\"}]},"
            + "{\"id\":\"b\",\"filters\":[{\"key\":\"name\",\"op\":\"equals\",\"value\":\"Zoom\"},"
            + "{\"key\":\"state\",\"op\":\"equals\",\"value\":\"managed\"}]}]";
    assertEquals(2, apps("name", groups).get("total").asInt());
  }

  @Test
  void badFiltersAreRejected() {
    assertEquals(400, http.get("/apps?filters=" + Http.enc("{not json")).status());
    assertEquals(
        400,
        http.get("/apps?filters=" + Http.enc("[{\"key\":\"nope\",\"op\":\"equals\",\"value\":1}]"))
            .status());
    assertEquals(
        400,
        http.get("/apps?filters=" + Http.enc("[{\"key\":\"name\",\"op\":\"like\",\"value\":1}]"))
            .status());
    assertEquals(400, http.get("/apps?sort=name:sideways").status());
    assertEquals(400, http.get("/users?lifecycleStatus=retired").status());
    assertEquals(400, http.get("/users?view=everyone").status());
    assertEquals(400, http.get("/users?isExternal=maybe").status());
  }

  @Test
  void keyValueAndViewFiltersOnUsers() {
    JsonNode external = http.get("/users?isExternal=true&fields=isExternal").json();
    assertTrue(external.get("total").asInt() > 0);
    external.get("users").forEach(u -> assertTrue(u.get("isExternal").asBoolean()));
    JsonNode past = http.get("/users?view=pastEmployees&fields=isDeletedInIdentitySources").json();
    past.get("users").forEach(u -> assertTrue(u.get("isDeletedInIdentitySources").asBoolean()));
    JsonNode marketing = http.get("/users?department=Marketing&fields=department").json();
    assertTrue(marketing.get("total").asInt() > 0);
    marketing.get("users").forEach(u -> assertEquals("Marketing", u.get("department").asText()));
    JsonNode ids = http.get("/users?idUsers=10001,10002").json();
    assertEquals(2, ids.get("total").asInt());
  }

  @Test
  void auditFiltersByEntityAndTime() {
    JsonNode contracts = http.get("/audit?entity=contracts&size=1000").json();
    assertTrue(contracts.get("count").asInt() > 20);
    contracts.get("audit").forEach(e -> assertEquals("contracts", e.get("entity").asText()));
    String day = sandbox.state().dataDate().minusDays(30).toString();
    JsonNode recent = http.get("/audit?size=1000&startTime=" + day).json();
    recent.get("audit").forEach(e -> assertTrue(e.get("creationTime").asText().compareTo(day) > 0));
    JsonNode ascending = http.get("/audit?size=5&sort=asc").json().get("audit");
    assertTrue(
        ascending
                .get(0)
                .get("creationTime")
                .asText()
                .compareTo(ascending.get(4).get("creationTime").asText())
            <= 0);
    assertEquals(400, http.get("/audit?entity=galaxies").status());
    assertEquals(400, http.get("/audit?startTime=yesterday").status());
  }
}
