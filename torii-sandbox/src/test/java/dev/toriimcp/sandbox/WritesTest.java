package dev.toriimcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WritesTest {
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
  void lifecycleChangeUpdatesStateAndAppendsAnAuditEntry() {
    int before = sandbox.state().auditCount();
    Http.Reply reply =
        http.put("/users/" + SeedData.ALEX_CHEN_ID, "{\"lifecycleStatus\":\"offboarding\"}");
    assertEquals(200, reply.status(), String.valueOf(reply.json()));
    assertEquals("offboarding", reply.json().get("user").get("lifecycleStatus").asText());
    assertEquals(
        "offboarding", sandbox.state().user(SeedData.ALEX_CHEN_ID).orElseThrow().lifecycleStatus());
    assertEquals(before + 1, sandbox.state().auditCount());
    AuditEntry entry = sandbox.state().audit().get(before);
    assertEquals("update_user_lifecycle_status", entry.type());
    assertEquals("users", entry.entity());
    assertEquals("active", entry.properties().get("oldValues").get("lifecycleStatus").asText());
    assertEquals(
        "offboarding", entry.properties().get("newValues").get("lifecycleStatus").asText());
    assertEquals("put", entry.requestMethod());
    assertTrue(entry.requestPath().endsWith("/users/" + SeedData.ALEX_CHEN_ID));

    JsonNode viaApi =
        http.get("/users?lifecycleStatus=offboarding&email=alex.chen@company.com").json();
    assertEquals(1, viaApi.get("total").asInt());
  }

  @Test
  void lifecycleWritesAreValidated() {
    String path = "/users/" + SeedData.ALEX_CHEN_ID;
    assertEquals(400, http.put(path, "{}").status());
    Http.Reply bad = http.put(path, "{\"lifecycleStatus\":\"retired\"}");
    assertEquals(400, bad.status());
    assertTrue(bad.message().contains("offboarded"), bad.message());
    assertEquals(
        400, http.put(path, "{\"lifecycleStatus\":\"active\",\"email\":\"x@y\"}").status());
    assertEquals(404, http.put("/users/12", "{\"lifecycleStatus\":\"active\"}").status());
    assertEquals(400, http.put("/users/x", "{\"lifecycleStatus\":\"active\"}").status());
  }

  @Test
  void userAppRemovalFlagIsWritable() {
    int dropbox = sandbox.state().appByName("Dropbox").orElseThrow().id();
    String path = "/users/" + SeedData.ALEX_CHEN_ID + "/apps/" + dropbox;
    assertFalse(http.get(path).json().get("app").get("isUserRemovedFromApp").asBoolean());
    int before = sandbox.state().auditCount();
    Http.Reply reply = http.put(path, "{\"isUserRemovedFromApp\":true}");
    assertEquals(200, reply.status());
    assertTrue(reply.json().get("app").get("isUserRemovedFromApp").asBoolean());
    assertTrue(http.get(path).json().get("app").get("isUserRemovedFromApp").asBoolean());
    assertEquals(before + 1, sandbox.state().auditCount());
    assertEquals(400, http.put(path, "{\"isUserRemovedFromApp\":\"yes\"}").status());
    int notHisApp = sandbox.state().appByName("GitHub").orElseThrow().id();
    assertEquals(404, http.get("/users/" + SeedData.ALEX_CHEN_ID + "/apps/" + notHisApp).status());
  }

  @Test
  void appUpdatesAndCreationAreAudited() {
    int wetransfer = sandbox.state().appByName("WeTransfer").orElseThrow().id();
    int before = sandbox.state().auditCount();
    Http.Reply updated =
        http.put(
            "/apps/" + wetransfer,
            "{\"primaryOwner\":"
                + SeedData.PRIYA_ID
                + ",\"state\":\"managed\","
                + "\"c_businessCriticality\":\"Critical\"}");
    assertEquals(200, updated.status(), String.valueOf(updated.json()));
    assertEquals("managed", updated.json().get("app").get("state").asText());
    assertEquals("Critical", updated.json().get("app").get("c_businessCriticality").asText());
    JsonNode app = http.get("/apps/" + wetransfer).json().get("app");
    assertEquals(SeedData.PRIYA_ID, app.get("primaryOwner").get("id").asInt());
    AuditEntry entry = sandbox.state().audit().get(before);
    assertEquals("update_app_details", entry.type());
    assertTrue(entry.properties().get("oldValues").get("primaryOwner").isNull());
    assertEquals(
        SeedData.PRIYA_ID, entry.properties().get("newValues").get("primaryOwner").asInt());

    assertEquals(400, http.put("/apps/" + wetransfer, "{\"state\":\"retired\"}").status());
    assertEquals(400, http.put("/apps/" + wetransfer, "{\"unknownField\":1}").status());
    assertEquals(400, http.put("/apps/" + wetransfer, "{\"primaryOwner\":5}").status());

    Http.Reply custom =
        http.post(
            "/apps/custom",
            "{\"name\":\"Vendor Portal\",\"category\":\"Finance\",\"url\":\"https://vp.company.com\"}");
    assertEquals(200, custom.status(), String.valueOf(custom.json()));
    int idCustom = custom.json().get("app").get("id").asInt();
    assertTrue(sandbox.state().app(idCustom).orElseThrow().isCustom());
    assertEquals(400, http.post("/apps/custom", "{\"category\":\"Finance\"}").status());
    assertEquals(409, http.post("/apps/custom", "{\"name\":\"vendor portal\"}").status());

    CatalogApp notInOrg =
        sandbox.state().catalog().stream()
            .filter(c -> sandbox.state().app(c.id()).isEmpty())
            .findFirst()
            .orElseThrow();
    Http.Reply added = http.post("/apps", "{\"idApp\":" + notInOrg.id() + "}");
    assertEquals(200, added.status());
    assertEquals(notInOrg.name(), added.json().get("app").get("name").asText());
    assertEquals(404, http.post("/apps", "{\"idApp\":1}").status());
    List<String> types = sandbox.state().audit().stream().map(AuditEntry::type).toList();
    assertTrue(types.contains("add_custom_app"));
    assertTrue(types.contains("add_app_from_catalog"));
  }

  @Test
  void filesUploadInfoAndDownloadRoundTrip() throws Exception {
    byte[] content =
        "Date,Description,Amount\n2026-02-01,ZOOM.US,149.90\n".getBytes(StandardCharsets.UTF_8);
    String boundary = "sandboxBoundary7MA4YWxkTrZu0gW";
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nexpenseReport\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"feb.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    byte[] body =
        concat(
            head.getBytes(StandardCharsets.UTF_8), content, tail.getBytes(StandardCharsets.UTF_8));
    Http.Reply uploaded =
        http.send(
            http.request("/files/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertEquals(200, uploaded.status(), String.valueOf(uploaded.json()));
    int id = uploaded.json().get("id").asInt();
    JsonNode info = http.get("/files/" + id).json().get("file");
    assertEquals("feb.csv", info.get("fileName").asText());
    assertEquals("expenseReport", info.get("type").asText());

    Http.Reply redirect = http.get("/files/" + id + "/download");
    assertEquals(302, redirect.status());
    String location = redirect.header("Location");
    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    assertArrayEquals(content, download.body());

    byte[] big = new byte[3 * 1024 * 1024 + 1];
    byte[] bigBody =
        concat(head.getBytes(StandardCharsets.UTF_8), big, tail.getBytes(StandardCharsets.UTF_8));
    Http.Reply tooBig =
        http.send(
            http.request("/files/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bigBody)));
    assertEquals(413, tooBig.status());
    assertEquals(404, http.get("/files/424242").status());
  }

  @Test
  void presignedUploadThenRegister() throws Exception {
    JsonNode params =
        http.get("/files/url?name=contract.pdf&type=application/pdf")
            .json()
            .get("uploadFileParameters");
    byte[] pdf = "%PDF-1.4 demo".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> put =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(params.get("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, put.statusCode());
    String filePath = params.get("filePath").asText();
    assertEquals(
        400, http.post("/files", "{\"path\":\"" + filePath + "\",\"type\":\"receipt\"}").status());
    Http.Reply registered =
        http.post("/files", "{\"path\":\"" + filePath + "\",\"type\":\"attachment\"}");
    assertEquals(200, registered.status(), String.valueOf(registered.json()));
    int id = registered.json().get("id").asInt();
    assertArrayEquals(pdf, sandbox.state().file(id).orElseThrow().content());
    assertEquals(
        400, http.post("/files", "{\"path\":\"uploads/none\",\"type\":\"attachment\"}").status());
  }

  @Test
  void workflowTriggerRecordsExecutionsAndAudit() {
    int executions = sandbox.state().actionExecutions().size();
    assertEquals(
        400, http.post("/workflows/501/trigger", "{}").status(), "userLeft needs a user email");
    Http.Reply ok =
        http.post("/workflows/501/trigger", "{\"triggerUserEmail\":\"alex.chen@company.com\"}");
    assertEquals(200, ok.status(), String.valueOf(ok.json()));
    assertTrue(ok.json().get("success").asBoolean());
    assertTrue(sandbox.state().actionExecutions().size() > executions);
    JsonNode latest =
        http.get("/workflows/actionExecutions?size=1").json().get("actionExecutions").get(0);
    assertEquals(501, latest.get("idWorkflow").asInt());
    assertEquals(404, http.post("/workflows/9999/trigger", "{}").status());
    assertEquals(
        "workflow_triggered_manually",
        http.get("/workflows/audit?limit=1").json().get("audit").get(0).get("type").asText());
  }

  @Test
  void concurrentWritesAreAllRecorded() throws Exception {
    int before = sandbox.state().auditCount();
    int contractsBefore = sandbox.state().contracts().size();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        results.add(
            pool.submit(
                () ->
                    http.post(
                            "/contracts",
                            "{\"name\":\"Load " + n + "\",\"idApp\":2001,\"status\":\"pipeline\"}")
                        .status()));
      }
      for (Future<Integer> result : results) {
        assertEquals(200, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(contractsBefore + 40, sandbox.state().contracts().size());
    assertEquals(before + 40, sandbox.state().auditCount());
    assertEquals(
        contractsBefore + 40,
        sandbox.state().contracts().stream().mapToInt(Contract::id).distinct().count());
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, offset, p.length);
      offset += p.length;
    }
    return out;
  }
}
