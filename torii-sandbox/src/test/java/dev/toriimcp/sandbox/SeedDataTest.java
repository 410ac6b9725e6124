package dev.toriimcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedDataTest {
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
  void alexChenLeftTheIdentitySourceButIsStillActiveWithAppAccess() {
    JsonNode users = http.get("/users?email=alex.chen@company.com").json().get("users");
    assertEquals(1, users.size());
    JsonNode alex = users.get(0);
    assertEquals(SeedData.ALEX_CHEN_ID, alex.get("id").asInt());
    assertTrue(alex.get("isDeletedInIdentitySources").asBoolean());
    assertEquals("active", alex.get("lifecycleStatus").asText());
    assertFalse(alex.get("isExternal").asBoolean());
    assertTrue(alex.get("additionalEmails").isArray());

    JsonNode apps = http.get("/users/" + alex.get("id").asInt() + "/apps").json().get("apps");
    int stillIn = 0;
    int removed = 0;
    for (JsonNode app : apps) {
      assertNotNull(app.get("name").asText(null));
      if (app.get("isUserRemovedFromApp").asBoolean()) {
        removed++;
      } else {
        stillIn++;
      }
    }
    assertTrue(stillIn >= 3, "several apps still not removed: " + stillIn);
    assertTrue(removed >= 1, "some apps removed: " + removed);
    assertEquals(stillIn, alex.get("activeAppsCount").asInt());

    JsonNode filtered =
        http.get("/users/" + SeedData.ALEX_CHEN_ID + "/apps?isUserRemovedFromApp=false").json();
    assertEquals(stillIn, filtered.get("apps").size());
  }

  @Test
  void ownerlessFileSharingAndCloudStorageAppsHaveActiveContracts() {
    String filters =
        "[{\"key\":\"category\",\"op\":\"anyOf\",\"value\":[\"File Sharing\",\"Cloud Storage\"]},"
            + "{\"key\":\"primaryOwner\",\"op\":\"isNotSet\"},"
            + "{\"key\":\"state\",\"op\":\"anyOf\",\"value\":[\"managed\",\"discovered\"]},"
            + "{\"key\":\"activeUsersCount\",\"op\":\"gt\",\"value\":0}]";
    JsonNode apps =
        http.get("/apps?fields=name,category,primaryOwner,state&filters=" + Http.enc(filters))
            .json()
            .get("apps");
    assertTrue(apps.size() >= 4, "several ownerless storage apps: " + apps);
    Set<Integer> ids = new HashSet<>();
    for (JsonNode app : apps) {
      assertTrue(app.get("primaryOwner").isNull());
      ids.add(app.get("id").asInt());
    }
    int withActiveContract = 0;
    for (int id : ids) {
      JsonNode contracts =
          http.get("/contracts?idApp=" + id + "&status=active").json().get("contracts");
      if (contracts.size() > 0) {
        withActiveContract++;
      }
    }
    assertTrue(
        withActiveContract >= 3, "ownerless apps with active contracts: " + withActiveContract);

    JsonNode owned =
        http.get(
                "/apps?fields=name,primaryOwner&filters="
                    + Http.enc(
                        "[{\"key\":\"category\",\"op\":\"equals\",\"value\":\"File Sharing\"},"
                            + "{\"key\":\"primaryOwner\",\"op\":\"isSet\"}]"))
            .json()
            .get("apps");
    assertTrue(owned.size() >= 1);
    assertTrue(owned.get(0).get("primaryOwner").get("email").asText().endsWith("@company.com"));
  }

  @Test
  void volumesAndVarietyMatchTheBrief() {
    SandboxState state = sandbox.state();
    assertTrue(state.users().size() >= 200);
    assertTrue(state.apps().size() >= 80, "apps: " + state.apps().size());
    assertTrue(state.auditCount() >= 100, "audit: " + state.auditCount());
    assertTrue(state.actionExecutions().size() >= 50);
    Set<String> currencies = new HashSet<>();
    Set<String> statuses = new HashSet<>();
    state
        .contracts()
        .forEach(
            c -> {
              currencies.add(c.amount().currency());
              statuses.add(c.status());
            });
    assertTrue(currencies.containsAll(List.of("USD", "EUR", "GBP", "ILS")), currencies.toString());
    assertTrue(statuses.containsAll(List.of("active", "expired", "inactive")), statuses.toString());
    Set<String> lifecycles = new HashSet<>();
    state.users().forEach(u -> lifecycles.add(u.lifecycleStatus()));
    assertEquals(Set.of("active", "offboarding", "offboarded"), lifecycles);
    assertTrue(state.users().stream().anyMatch(User::isExternal));
    assertTrue(state.users().stream().anyMatch(u -> u.idRole() != null && u.idRole() == 1));
    Set<String> types = new HashSet<>();
    state.audit().forEach(a -> types.add(a.type()));
    assertTrue(
        types.containsAll(
            List.of("update_contract", "update_user_lifecycle_status", "update_app_details")),
        types.toString());
    assertTrue(
        state.audit().stream()
            .anyMatch(
                a ->
                    a.type().equals("update_contract")
                        && a.properties().path("oldValues").has("amount")));
    assertTrue(
        state.audit().stream()
            .anyMatch(
                a ->
                    a.type().equals("update_contract")
                        && a.properties()
                            .path("newValues")
                            .path("status")
                            .asText()
                            .equals("expired")));
    assertTrue(state.actionExecutions().stream().anyMatch(e -> e.status().equals("failed")));
  }

  @Test
  void responsesAreWrappedAndShaped() {
    JsonNode org = http.get("/orgs/my").json().get("org");
    assertEquals("company.com", org.get("domain").asText());
    JsonNode user = http.get("/users/" + SeedData.ADMIN_ID).json().get("user");
    assertEquals("Admin", user.get("role").asText());
    JsonNode fields = http.get("/users?size=1&fields=department").json().get("users").get(0);
    assertEquals(List.of("id", "department", "additionalEmails"), ContractsTest.names(fields));
    JsonNode app = http.get("/apps/2001?fields=name,state&includeLicenses=true").json().get("app");
    assertEquals("Dropbox", app.get("name").asText());
    assertTrue(app.get("licenses").get("summary").has("totalAmount"));
    JsonNode appUsers = http.get("/apps/2001/users?size=5&status=active").json();
    assertEquals(5, appUsers.get("users").size());
    appUsers.get("users").forEach(u -> assertEquals("active", u.get("status").asText()));
    JsonNode roles = http.get("/roles").json().get("roles");
    assertTrue(roles.size() >= 4);
    assertTrue(http.get("/contracts/fields").json().get("fields").size() > 5);
    assertTrue(http.get("/apps/metadata").json().get("customFields").size() > 0);
    assertTrue(http.get("/users/fields").json().get("fields").size() > 0);
    JsonNode search = http.get("/apps/search?q=drop").json().get("apps");
    assertEquals("Dropbox", search.get(0).get("name").asText());
    assertEquals(400, http.get("/apps/search").status());
    assertEquals(400, http.get("/apps/search?q=a&limit=51").status());
    JsonNode match =
        http.post("/apps/match", "{\"apps\":[{\"name\":\"slack\"},{\"name\":\"Nonexistent\"}]}")
            .json()
            .get("apps");
    assertEquals("Slack", match.get(0).get("name").asText());
    assertFalse(match.get(1).has("idApp"));
    assertEquals(501, http.get("/scim/v2/Users").status());
    assertEquals(404, http.get("/no/such/path").status());
    assertEquals(405, http.send(http.request("/roles").DELETE()).status());
  }
}
