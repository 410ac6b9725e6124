package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.server.access.SecretBox;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoped MCP servers through the admin API, enforced on every MCP request. */
class ScopedServersTest {
  @TempDir static Path dir;
  static ScopedFixture f;
  static String account;

  @BeforeAll
  static void start() throws Exception {
    f = new ScopedFixture(dir);
    account = f.sandboxAccount();
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  private static String in(Duration d) {
    return f.clock.instant().plus(d).toString();
  }

  private static JsonNode create(String json) throws Exception {
    ScopedFixture.Reply r = f.admin("POST", "/integrated-account/" + account + "/mcp", json);
    assertEquals(201, r.status(), String.valueOf(r.body()));
    Secrets.fromUrl(r.body().get("url").asText());
    return r.body();
  }

  private static List<String> toolNames(McpHttp c) throws Exception {
    List<String> names = new ArrayList<>();
    c.request("tools/list", null)
        .at("/result/tools")
        .forEach(t -> names.add(t.get("name").asText()));
    return names;
  }

  @Test
  void adminApiNeedsAnApiToken() throws Exception {
    assertEquals(401, f.admin("GET", "/integrated-account", null, null).status());
    assertEquals(
        401,
        f.admin("GET", "/integrated-account", null, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            .status());
    ScopedFixture.Reply ok = f.admin("GET", "/integrated-account", null);
    assertEquals(200, ok.status());
    assertFalse(ok.body().toString().contains("sandbox-demo-key"), "API keys never come out");
  }

  @Test
  void readOnlyAuditorForADay() throws Exception {
    JsonNode s =
        create(
            "{\"name\":\"auditor\",\"config\":{\"methods\":[\"read\"]},\"expires_at\":\""
                + in(Duration.ofDays(1))
                + "\"}");
    assertEquals("auditor", s.get("name").asText());
    assertEquals(
        "{\"methods\":[\"read\"],\"tags\":[],\"tool_exposure\":\"all\",\"schema_profile\":\"standard\"}",
        s.get("config").toString());
    assertEquals(false, s.get("require_api_token_auth").asBoolean());
    String url = s.get("url").asText();
    assertTrue(url.matches(f.base + "/mcp/[A-Za-z0-9_-]{43}"), url);
    McpHttp c = new McpHttp(url);
    c.initialize();
    List<String> names = toolNames(c);
    assertEquals(35, names.size());
    assertFalse(names.contains("delete_a_torii_contract_by_id"));
    JsonNode write =
        c.request(
            "tools/call",
            McpHttp.MAPPER.readTree(
                "{\"name\":\"delete_a_torii_contract_by_id\",\"arguments\":{\"idContract\":30001}}"));
    JsonNode unknown =
        c.request(
            "tools/call", McpHttp.MAPPER.readTree("{\"name\":\"no_such_tool\",\"arguments\":{}}"));
    assertEquals(unknown.at("/error/code"), write.at("/error/code"));
    assertEquals(
        "Unknown tool: delete_a_torii_contract_by_id", write.at("/error/message").asText());
    assertTrue(
        f.app.sandbox().state().contracts().stream().anyMatch(k -> k.id() == 30001),
        "nothing was deleted");
    assertFalse(c.call("list_all_torii_roles", "{}").path("isError").asBoolean(false));
    // The listing never shows the token again.
    assertFalse(
        f.admin("GET", "/integrated-account/" + account + "/mcp/" + s.get("id").asText(), null)
            .body()
            .has("url"));
  }

  @Test
  void tagsAreAndedWithMethods() throws Exception {
    String url =
        create(
                "{\"name\":\"contracts bot\",\"config\":{\"methods\":[\"read\"],\"tags\":[\"contracts\"]}}")
            .get("url")
            .asText();
    McpHttp c = new McpHttp(url);
    c.initialize();
    List<String> names = toolNames(c);
    assertEquals(
        List.of(
            "get_single_torii_contract_by_id",
            "list_all_torii_contract_fields",
            "list_all_torii_contract_fields_metadata",
            "list_all_torii_contracts"),
        names);
    JsonNode outside =
        c.request(
            "tools/call",
            McpHttp.MAPPER.readTree("{\"name\":\"list_all_torii_users\",\"arguments\":{}}"));
    assertEquals("Unknown tool: list_all_torii_users", outside.at("/error/message").asText());
  }

  @Test
  void badConfigurationsAreRefusedWithReasons() throws Exception {
    String path = "/integrated-account/" + account + "/mcp";
    assertEquals(
        "unknown method 'fetch': use read, write, get, list, create, update, delete or other",
        f.admin("POST", path, "{\"name\":\"x\",\"config\":{\"methods\":[\"fetch\"]}}")
            .body()
            .get("message")
            .asText());
    assertTrue(
        f.admin("POST", path, "{\"name\":\"x\",\"config\":{\"tags\":[\"nope\"]}}")
            .body()
            .get("message")
            .asText()
            .startsWith("unknown tag 'nope': the tags are "));
    assertEquals(
        "no tool matches methods [delete] and tags [roles]",
        f.admin(
                "POST",
                path,
                "{\"name\":\"x\",\"config\":{\"methods\":[\"delete\"],\"tags\":[\"roles\"]}}")
            .body()
            .get("message")
            .asText());
    ScopedFixture.Reply soon =
        f.admin(
            "POST", path, "{\"name\":\"x\",\"expires_at\":\"" + in(Duration.ofSeconds(30)) + "\"}");
    assertEquals(400, soon.status());
    assertTrue(
        soon.body()
            .get("message")
            .asText()
            .startsWith("expires_at must be at least 60 seconds in the future"));
    assertEquals(400, f.admin("POST", path, "{\"config\":{}}").status());
    assertEquals(404, f.admin("POST", "/integrated-account/nope/mcp", "{\"name\":\"x\"}").status());
  }

  @Test
  void expiredServersAnswer404AndAreSwept() throws Exception {
    JsonNode s =
        create("{\"name\":\"short\",\"expires_at\":\"" + in(Duration.ofSeconds(61)) + "\"}");
    McpHttp c = new McpHttp(s.get("url").asText());
    c.initialize();
    f.clock.advance(Duration.ofSeconds(62));
    assertEquals(
        404, c.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", c.session()).status());
    assertTrue(f.access.endpoints().sweep() >= 1);
    assertEquals(
        404,
        f.admin("GET", "/integrated-account/" + account + "/mcp/" + s.get("id").asText(), null)
            .status());
  }

  @Test
  void revokedServersAnswer404() throws Exception {
    JsonNode s = create("{\"name\":\"temp\"}");
    McpHttp c = new McpHttp(s.get("url").asText());
    c.initialize();
    assertEquals(
        204,
        f.admin("DELETE", "/integrated-account/" + account + "/mcp/" + s.get("id").asText(), null)
            .status());
    Thread.sleep(1100); // resolutions are cached for at most one second
    assertEquals(
        404, c.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", c.session()).status());
  }

  @Test
  void secondFactorIsRequiredWhenAsked() throws Exception {
    String url =
        create("{\"name\":\"strict\",\"require_api_token_auth\":true}").get("url").asText();
    String init =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    McpHttp c = new McpHttp(url);
    assertEquals(401, c.post(init, Map.of()).status());
    assertEquals(
        401,
        c.post(init, Map.of("Authorization", "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
            .status());
    assertEquals(
        401,
        c.post(init, Map.of("Authorization", "Bearer " + url.substring(url.lastIndexOf('/') + 1)))
            .status());
    assertEquals(200, c.post(init, Map.of("Authorization", "Bearer " + f.adminToken)).status());
  }

  @Test
  void tokensOnlyWorkInThePathAndOnlyWhole() throws Exception {
    String url = create("{\"name\":\"path only\"}").get("url").asText();
    String token = url.substring(url.lastIndexOf('/') + 1);
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    assertEquals(404, new McpHttp(f.base + "/mcp?token=" + token).post(ping, Map.of()).status());
    assertEquals(404, new McpHttp(f.base + "/mcp/?token=" + token).post(ping, Map.of()).status());
    assertEquals(
        404, new McpHttp(f.base + "/mcp/" + token.substring(1)).post(ping, Map.of()).status());
    assertEquals(404, new McpHttp(f.base + "/mcp/" + token + "x").post(ping, Map.of()).status());
    assertEquals(
        404, new McpHttp(f.base + "/mcp/" + token.toUpperCase()).post(ping, Map.of()).status());
  }

  @Test
  void accountsPointOnlyAtToriiOrExplicitlyAllowedHosts() throws Exception {
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put(
        "http://169.254.169.254/latest/meta-data",
        "base_url must be an https URL on toriihq.com such as https://api.toriihq.com/v1.0; this"
            + " server accepts 169.254.169.254 only when started with --allowed-upstream"
            + " 169.254.169.254");
    refused.put(
        "http://api.toriihq.com/v1.0",
        "base_url must be an https URL on toriihq.com such as https://api.toriihq.com/v1.0; this"
            + " server accepts api.toriihq.com only when started with --allowed-upstream"
            + " api.toriihq.com");
    refused.put(
        "https://api.toriihq.com.evil.example/v1.0",
        "base_url must be an https URL on toriihq.com such as https://api.toriihq.com/v1.0; this"
            + " server accepts api.toriihq.com.evil.example only when started with"
            + " --allowed-upstream api.toriihq.com.evil.example");
    refused.put(
        "https://user@api.toriihq.com/v1.0",
        "base_url must not carry user information, a query or a fragment");
    refused.put(
        "file:///etc/passwd",
        "base_url must be an http or https URL such as https://api.toriihq.com/v1.0");
    for (Map.Entry<String, String> e : refused.entrySet()) {
      ScopedFixture.Reply r =
          f.admin(
              "POST",
              "/integrated-account",
              "{\"name\":\"x\",\"base_url\":\"" + e.getKey() + "\",\"api_key\":\"k\"}");
      assertEquals(400, r.status(), e.getKey());
      assertEquals(e.getValue(), r.body().path("message").asText(), e.getKey());
    }
    assertEquals(
        201,
        f.admin(
                "POST",
                "/integrated-account",
                "{\"name\":\"eu\",\"base_url\":\"https://api.eu.toriihq.com/v1.0\",\"api_key\":\"k\"}")
            .status());
  }

  @Test
  void anotherAccountsServerSeesItsOwnToriiOnly() throws Exception {
    ScopedFixture.Reply other =
        f.admin(
            "POST",
            "/integrated-account",
            "{\"name\":\"other company\",\"base_url\":\"http://127.0.0.1:9/v1.0\",\"api_key\":\""
                + Secrets.record("other-secret-key")
                + "\"}");
    assertEquals(201, other.status());
    assertFalse(other.body().toString().contains("other-secret-key"));
    String otherId = other.body().get("id").asText();
    String url =
        f.admin("POST", "/integrated-account/" + otherId + "/mcp", "{\"name\":\"theirs\"}")
            .body()
            .get("url")
            .asText();
    McpHttp c = new McpHttp(url);
    c.initialize();
    JsonNode r = c.call("list_all_torii_roles", "{}");
    assertTrue(r.get("isError").asBoolean(), "their Torii (port 9) is not ours: " + r);
    assertFalse(r.toString().contains("Admin"), "no data of the sandbox account");
    assertEquals(
        404,
        f.admin(
                "GET",
                "/integrated-account/"
                    + account
                    + "/mcp/"
                    + McpHttp.MAPPER.readTree("{}").path("x").asText("none"),
                null)
            .status());
  }

  @Test
  void discoveryExposureHonoursTheFilter() throws Exception {
    String url =
        create(
                "{\"name\":\"finder\",\"config\":{\"methods\":[\"read\"],\"tags\":[\"users\"],\"tool_exposure\":\"discovery\"}}")
            .get("url")
            .asText();
    McpHttp c = new McpHttp(url);
    c.initialize();
    assertEquals(List.of("search_tools", "get_tool_schema", "call_tool"), toolNames(c));
    JsonNode found =
        c.call("search_tools", "{\"query\":\"contracts of an app\"}").get("structuredContent");
    found
        .get("tools")
        .forEach(t -> assertFalse(t.get("name").asText().contains("contract"), found.toString()));
    JsonNode users =
        c.call("search_tools", "{\"query\":\"find a user by email\"}").get("structuredContent");
    List<String> top = new ArrayList<>();
    users.get("tools").forEach(t -> top.add(t.get("name").asText()));
    assertTrue(
        top.subList(0, Math.min(3, top.size())).contains("list_all_torii_users"), top.toString());
    JsonNode schema =
        c.call("get_tool_schema", "{\"name\":\"list_all_torii_users\"}").get("structuredContent");
    assertTrue(schema.at("/inputSchema/properties").has("email"));
    JsonNode call =
        c.call(
            "call_tool",
            "{\"name\":\"list_all_torii_users\",\"arguments\":{\"email\":\"alex.chen@company.com\"}}");
    assertEquals(10002, call.at("/structuredContent/users/0/id").asInt());
    JsonNode filtered =
        c.call(
            "call_tool",
            "{\"name\":\"delete_a_torii_contract_by_id\",\"arguments\":{\"idContract\":30001}}");
    assertTrue(filtered.get("isError").asBoolean());
    assertEquals(
        "No tool is named delete_a_torii_contract_by_id; use search_tools to find one.",
        filtered.at("/content/0/text").asText());
    assertEquals(
        "No tool is named list_all_torii_contracts; use search_tools to find one.",
        c.call("get_tool_schema", "{\"name\":\"list_all_torii_contracts\"}")
            .at("/content/0/text")
            .asText());
  }

  @Test
  void portableSchemaProfileIsChosenPerServer() throws Exception {
    String url =
        create(
                "{\"name\":\"strict client\",\"config\":{\"tags\":[\"contracts\"],\"schema_profile\":\"portable\"}}")
            .get("url")
            .asText();
    McpHttp c = new McpHttp(url);
    c.initialize();
    String tools = c.request("tools/list", null).at("/result/tools").toString();
    assertFalse(tools.contains("$ref") || tools.contains("$defs"), tools);
    assertTrue(tools.contains("create_a_torii_contract"));
    assertEquals(
        "unknown schema_profile 'fancy': use standard or portable",
        f.admin(
                "POST",
                "/integrated-account/" + account + "/mcp",
                "{\"name\":\"x\",\"config\":{\"schema_profile\":\"fancy\"}}")
            .body()
            .get("message")
            .asText());
  }

  @Test
  void patchChangesNameConfigAndExpiry() throws Exception {
    JsonNode s =
        create(
            "{\"name\":\"before\",\"config\":{\"methods\":[\"read\"]},\"expires_at\":\""
                + in(Duration.ofHours(2))
                + "\"}");
    String path = "/integrated-account/" + account + "/mcp/" + s.get("id").asText();
    ScopedFixture.Reply r =
        f.admin(
            "PATCH",
            path,
            "{\"name\":\"after\",\"config\":{\"tags\":[\"roles\"]},\"expires_at\":null}");
    assertEquals(200, r.status(), String.valueOf(r.body()));
    assertEquals("after", r.body().get("name").asText());
    assertEquals(
        "{\"methods\":[\"read\"],\"tags\":[\"roles\"],\"tool_exposure\":\"all\",\"schema_profile\":\"standard\"}",
        r.body().get("config").toString());
    assertTrue(r.body().get("expires_at").isNull());
    Thread.sleep(1100);
    McpHttp c = new McpHttp(s.get("url").asText());
    c.initialize();
    assertEquals(List.of("list_all_torii_roles"), toolNames(c));
  }

  @Test
  void secretsAreNotStoredInClear() throws Exception {
    JsonNode s = create("{\"name\":\"secret check\"}");
    String token = s.get("url").asText().substring(s.get("url").asText().lastIndexOf('/') + 1);
    StringBuilder all = new StringBuilder();
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:h2:file:" + dir.toAbsolutePath().resolve("torii-mcp") + ";AUTO_SERVER=TRUE",
            "sa",
            "")) {
      for (String table : List.of("integrated_account", "mcp_server", "api_token")) {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
          int cols = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= cols; i++) {
              all.append(rs.getString(i)).append('|');
            }
          }
        }
      }
    }
    assertFalse(all.toString().contains("sandbox-demo-key"), "API keys are encrypted");
    assertFalse(all.toString().contains(token), "server tokens are hashed");
    assertFalse(all.toString().contains(f.adminToken), "API tokens are hashed");
    assertTrue(all.toString().contains(dev.toriimcp.server.access.Tokens.hash(token)));
    assertEquals(PosixFilePermissions.fromString("rw-------"), SecretBox.keyFilePermissions(dir));
  }

  @Test
  void serversSurviveARestart() throws Exception {
    JsonNode s =
        create("{\"name\":\"durable\",\"config\":{\"methods\":[\"read\"],\"tags\":[\"roles\"]}}");
    // A second server process on the same database, as after a restart.
    try (ScopedFixture again =
        new ScopedFixture(
            dir,
            dev.toriimcp.server.access.AccessStore.Location.h2(dir),
            new ScopedFixture.MovableClock())) {
      String url = s.get("url").asText().replace(f.base, again.base);
      McpHttp c = new McpHttp(url);
      c.initialize();
      assertEquals(List.of("list_all_torii_roles"), toolNames(c));
    }
  }
}
