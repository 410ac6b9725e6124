package dev.toriimcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractsTest {
  ToriiSandbox sandbox;
  Http http;

  @BeforeEach
  void start() {
    sandbox = ToriiSandbox.start();
    http = new Http(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void topLevelCurrencyIsRejectedWithAPreciseMessage() {
    int before = sandbox.state().contracts().size();
    Http.Reply reply =
        http.post(
            "/contracts",
            "{\"name\":\"Miro Business\",\"idApp\":2001,\"status\":\"active\","
                + "\"amount\":120000,\"currency\":\"EUR\"}");
    assertEquals(400, reply.status());
    assertEquals(400, reply.json().get("statusCode").asInt());
    assertEquals("Bad Request", reply.json().get("error").asText());
    assertTrue(
        reply.message().startsWith("\"currency\" cannot be set as a top-level field"),
        reply.message());
    assertTrue(reply.message().contains("\"amount\": {\"value\""), reply.message());
    assertEquals(before, sandbox.state().contracts().size(), "nothing created");

    int id = sandbox.state().contracts().get(0).id();
    assertEquals(400, http.put("/contracts/" + id, "{\"currency\":\"GBP\"}").status());
  }

  @Test
  void nonIsoDatesAreRejected() {
    for (String date : List.of("03/01/2026", "2026-3-1", "March 1, 2026", "2026-13-01")) {
      Http.Reply reply =
          http.post(
              "/contracts",
              "{\"name\":\"X\",\"idApp\":2001,\"status\":\"active\",\"endDate\":\"" + date + "\"}");
      assertEquals(400, reply.status(), date);
      assertTrue(reply.message().contains("\"endDate\""), reply.message());
      assertTrue(reply.message().contains("ISO 8601"), reply.message());
    }
    Http.Reply ok =
        http.post(
            "/contracts",
            "{\"name\":\"X\",\"idApp\":2001,\"status\":\"active\",\"startDate\":\"2026-03-01\","
                + "\"endDate\":\"2027-02-28T00:00:00.000Z\"}");
    assertEquals(200, ok.status(), ok.json().toString());
    assertEquals("2027-02-28", ok.json().get("contract").get("endDate").asText());
  }

  @Test
  void requiredFieldsEnumsAndIdsAreValidated() {
    assertEquals(
        "\"name\" is required",
        http.post("/contracts", "{\"idApp\":2001,\"status\":\"active\"}").message());
    assertEquals(
        "\"status\" is required",
        http.post("/contracts", "{\"name\":\"X\",\"idApp\":2001}").message());
    Http.Reply badStatus =
        http.post("/contracts", "{\"name\":\"X\",\"idApp\":2001,\"status\":\"running\"}");
    assertEquals(400, badStatus.status());
    assertTrue(badStatus.message().contains("active"), badStatus.message());
    Http.Reply badApp =
        http.post("/contracts", "{\"name\":\"X\",\"idApp\":999999,\"status\":\"active\"}");
    assertEquals(400, badApp.status());
    Http.Reply unknownField =
        http.post("/contracts", "{\"name\":\"X\",\"idApp\":2001,\"status\":\"active\",\"foo\":1}");
    assertEquals(400, unknownField.status());
    assertEquals(400, http.get("/contracts/abc").status());
    assertEquals(404, http.get("/contracts/987654").status());
    assertEquals(404, http.delete("/contracts/987654").status());
    assertEquals(400, http.post("/contracts", "{not json").status());
  }

  @Test
  void moneyAcceptsNumbersStringsAndValueCurrencyObjects() {
    JsonNode plain =
        http.post(
                "/contracts",
                "{\"name\":\"A\",\"idApp\":2001,\"status\":\"active\",\"amount\":5000}")
            .json()
            .get("contract");
    assertEquals(5000, plain.get("amount").asLong());
    assertEquals("USD", plain.get("currency").asText());
    JsonNode text =
        http.post(
                "/contracts",
                "{\"name\":\"B\",\"idApp\":2001,\"status\":\"active\",\"amount\":\"12000\"}")
            .json()
            .get("contract");
    assertEquals(12000, text.get("amount").asLong());
    JsonNode object =
        http.post(
                "/contracts",
                "{\"name\":\"C\",\"idApp\":2001,\"status\":\"active\","
                    + "\"amount\":{\"value\":23000000,\"currency\":\"EUR\"}}")
            .json()
            .get("contract");
    assertEquals(23000000, object.get("amount").asLong());
    assertEquals("EUR", object.get("currency").asText());
    assertEquals(
        400,
        http.post(
                "/contracts",
                "{\"name\":\"D\",\"idApp\":2001,\"status\":\"active\","
                    + "\"amount\":{\"value\":1,\"currency\":\"XYZ\"}}")
            .status());
  }

  @Test
  void createUpdateAndDeleteAppendAuditEntriesWithOldAndNewValues() {
    int auditBefore = sandbox.state().auditCount();
    int figma = sandbox.state().appByName("Figma").orElseThrow().id();
    Http.Reply created =
        http.post(
            "/contracts",
            "{\"name\":\"Figma Organization\",\"idApp\":"
                + figma
                + ",\"status\":\"inReview\","
                + "\"amount\":{\"value\":1500000,\"currency\":\"GBP\"},"
                + "\"startDate\":\"2026-04-01\",\"endDate\":\"2027-03-31\"}");
    assertEquals(200, created.status(), created.json().toString());
    int id = created.json().get("contract").get("id").asInt();
    assertEquals(auditBefore + 1, sandbox.state().auditCount());

    Http.Reply updated =
        http.put(
            "/contracts/" + id,
            "{\"status\":\"active\",\"amount\":{\"value\":1400000,\"currency\":\"GBP\"}}");
    assertEquals(200, updated.status(), updated.json().toString());
    assertEquals("active", updated.json().get("contract").get("status").asText());
    assertEquals(1400000, sandbox.state().contract(id).orElseThrow().amount().value());

    List<AuditEntry> audit = sandbox.state().audit();
    assertEquals(auditBefore + 2, audit.size());
    AuditEntry update = audit.get(audit.size() - 1);
    assertEquals("update_contract", update.type());
    assertEquals("contracts", update.entity());
    assertEquals(SeedData.ADMIN_ID, update.performedBy());
    assertEquals(sandbox.state().apiUser().email(), update.performedByEmail());
    JsonNode props = update.properties();
    assertEquals(id, props.get("idContract").asInt());
    assertEquals("inReview", props.get("oldValues").get("status").asText());
    assertEquals("active", props.get("newValues").get("status").asText());
    assertEquals(1500000, props.get("oldValues").get("amount").get("value").asLong());
    assertEquals(1400000, props.get("newValues").get("amount").get("value").asLong());

    JsonNode latest = http.get("/audit?size=1&entity=contracts").json().get("audit").get(0);
    assertEquals("update_contract", latest.get("type").asText());
    assertEquals("jordan.blake@company.com", latest.get("performedByEmail").asText());

    Http.Reply deleted = http.delete("/contracts/" + id);
    assertEquals(204, deleted.status());
    assertEquals(404, http.get("/contracts/" + id).status());
    assertEquals("delete_contract", sandbox.state().audit().get(auditBefore + 2).type());
  }

  @Test
  void listFiltersAndFieldSelection() {
    JsonNode all = http.get("/contracts").json();
    assertEquals(all.get("total").asInt(), all.get("count").asInt());
    JsonNode first = all.get("contracts").get(0);
    assertEquals(List.of("id", "name", "idApp", "owner"), names(first));

    JsonNode active =
        http.get("/contracts?status=active&fields=name,status,amount,currency").json();
    assertTrue(active.get("total").asInt() > 10);
    active.get("contracts").forEach(c -> assertEquals("active", c.get("status").asText()));
    assertEquals(400, http.get("/contracts?status=bogus").status());
    assertEquals(400, http.get("/contracts?fields=name,nope").status());

    String filters =
        "[{\"key\":\"amount\",\"op\":\"gt\",\"value\":5000000},"
            + "{\"key\":\"status\",\"op\":\"equals\",\"value\":\"active\"}]";
    JsonNode big = http.get("/contracts?fields=amount,status&filters=" + Http.enc(filters)).json();
    assertTrue(big.get("total").asInt() > 0);
    big.get("contracts").forEach(c -> assertTrue(c.get("amount").asLong() > 5000000));

    JsonNode eur = http.get("/contracts?fields=currency&currency=EUR").json();
    assertTrue(eur.get("total").asInt() > 0);
    eur.get("contracts").forEach(c -> assertEquals("EUR", c.get("currency").asText()));

    JsonNode sorted = http.get("/contracts?fields=amount&sort=amount:desc&size=5").json();
    long previous = Long.MAX_VALUE;
    for (JsonNode c : sorted.get("contracts")) {
      assertTrue(c.get("amount").asLong() <= previous);
      previous = c.get("amount").asLong();
    }
  }

  static List<String> names(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
