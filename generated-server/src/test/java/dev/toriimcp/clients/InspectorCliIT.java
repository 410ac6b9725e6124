package dev.toriimcp.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as users run it: {@code serve --sandbox --port 0} prints an MCP URL from which
 * MCP Inspector's CLI lists one tool per operation and calls one; the same over stdio.
 */
class InspectorCliIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final Path JAR = Path.of("target/torii-mcp-server.jar").toAbsolutePath();
  static Process serve;
  static String url;
  static final List<String> printed = new ArrayList<>();

  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(Files.exists(JAR), JAR + " is built by package");
    serve =
        new ProcessBuilder("java", "-jar", JAR.toString(), "serve", "--sandbox", "--port", "0")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      printed.add(line);
      if (line.startsWith("Serving ")) {
        break;
      }
    }
    url =
        printed.stream()
            .filter(l -> l.startsWith("MCP URL: "))
            .findFirst()
            .orElseThrow()
            .substring(9);
  }

  @AfterAll
  static void stop() throws Exception {
    serve.destroy();
    serve.waitFor(20, TimeUnit.SECONDS);
  }

  @Test
  void servePrintsTheUrlAndClaudeDesktopConfigs() {
    assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/mcp/[A-Za-z0-9_-]{43}"), url);
    String all = String.join("\n", printed);
    assertTrue(
        all.contains("\"args\": [\"-jar\", \"" + JAR + "\", \"stdio\", \"--sandbox\"]"), all);
    assertTrue(
        all.contains("\"command\": \"npx\", \"args\": [\"mcp-remote\", \"" + url + "\"]"), all);
  }

  private static JsonNode inspector(List<String> target, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                NodeTools.node().toString(),
                NodeTools.module("@modelcontextprotocol/inspector/clients/launcher/build/index.js")
                    .toString(),
                "--cli"));
    cmd.addAll(target);
    cmd.addAll(List.of(args));
    NodeTools.Result r =
        NodeTools.run(
            tmp, Map.of("MCP_CATALOG_PATH", tmp.resolve("catalog.json").toString()), 180, cmd);
    assertEquals(0, r.exit(), r.output());
    String text = r.output();
    return MAPPER.readTree(text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1));
  }

  @Test
  void inspectorListsAndCallsToolsOverHttp() throws Exception {
    JsonNode list = inspector(List.of(url, "--transport", "http"), "--method", "tools/list");
    assertEquals(65, list.get("tools").size());
    JsonNode call =
        inspector(
            List.of(url, "--transport", "http"),
            "--method",
            "tools/call",
            "--tool-name",
            "list_all_torii_users",
            "--tool-arg",
            "email=alex.chen@company.com");
    assertEquals("alex.chen@company.com", call.at("/structuredContent/users/0/email").asText());
  }

  @Test
  void inspectorListsAndCallsToolsOverStdio() throws Exception {
    List<String> target = List.of("java", "-jar", JAR.toString(), "stdio", "--sandbox");
    JsonNode list = inspector(target, "--method", "tools/list");
    assertEquals(65, list.get("tools").size());
    JsonNode call =
        inspector(target, "--method", "tools/call", "--tool-name", "list_all_torii_roles");
    assertTrue(call.at("/structuredContent/roles").size() > 0, call.toString());
  }
}
