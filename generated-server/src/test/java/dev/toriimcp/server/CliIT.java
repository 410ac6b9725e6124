package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's command line: help, a missing API key, the {@code serve} banner with a real
 * API key kept out of every output, and stdio with nothing but protocol lines on stdout.
 */
class CliIT {
  static final Path JAR = Path.of("target/torii-mcp-server.jar").toAbsolutePath();
  private static final String KEY = "cli-test-key-7f3a9c1e5b";

  @TempDir Path dataDir;

  /** What one run printed. */
  record Run(int exit, String out, String err) {}

  private ProcessBuilder jar(Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("TORII_API_KEY");
    pb.environment().remove("TORII_BASE_URL");
    pb.environment().putAll(env);
    return pb;
  }

  private Run run(Map<String, String> env, String... args) throws Exception {
    Process p = jar(env, args).start();
    p.getOutputStream().close();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    String out = read(p.getInputStream());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command ends");
    return new Run(p.exitValue(), out, err.get(10, TimeUnit.SECONDS));
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void helpListsTheSubcommands() throws Exception {
    Run r = run(Map.of(), "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().startsWith("Usage: torii-mcp-server "), r.out());
    assertTrue(r.out().contains("  serve "), r.out());
    assertTrue(r.out().contains("  stdio "), r.out());
    assertEquals("", r.err());
    Run serveHelp = run(Map.of(), "serve", "--help");
    assertEquals(0, serveHelp.exit());
    assertTrue(serveHelp.out().contains("--port=<port>"), serveHelp.out());
    assertTrue(serveHelp.out().contains("--sandbox"), serveHelp.out());
    assertTrue(serveHelp.out().contains("--connect-timeout"), serveHelp.out());
  }

  @Test
  void aMissingApiKeyIsOneClearLine() throws Exception {
    String expected =
        "torii-mcp-server: TORII_API_KEY is not set. Set it to a Torii API key (Settings > API"
            + " Access), or use --sandbox to try the server on demo data.\n";
    Run stdio = run(Map.of(), "stdio");
    assertEquals(1, stdio.exit(), stdio.err());
    assertEquals("", stdio.out());
    assertEquals(expected, stdio.err());
    Run serve = run(Map.of(), "serve", "--port", "0", "--data-dir", dataDir.toString());
    assertEquals(1, serve.exit(), serve.err());
    assertEquals("", serve.out());
    assertEquals(expected, serve.err());
    Run unknown = run(Map.of(), "serve", "--no-such-option");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("Unknown option: '--no-such-option'"), unknown.err());
    assertFalse(unknown.err().contains("Exception"), unknown.err());
  }

  /**
   * A data directory that cannot hold the master key fails before anything is served; a database
   * that cannot be opened (it opens half a second after the banner) ends the process with exit 1
   * and its error. Neither shows a stack trace.
   */
  @Test
  void aBrokenDataDirOrDatabaseEndsServeWithItsError() throws Exception {
    Path notADirectory = Files.writeString(dataDir.resolve("a-file"), "x");
    Run file =
        run(
            Map.of("TORII_API_KEY", KEY),
            "serve",
            "--port",
            "0",
            "--data-dir",
            notADirectory.toString());
    assertEquals(1, file.exit(), file.err());
    assertEquals("", file.out());
    assertEquals("torii-mcp-server: " + notADirectory + "\n", file.err());

    Path corrupt = Files.createDirectories(dataDir.resolve("corrupt"));
    byte[] garbage = new byte[20_000];
    new java.util.Random(7).nextBytes(garbage);
    Files.write(corrupt.resolve("torii-mcp.mv.db"), garbage);
    Run db =
        run(Map.of("TORII_API_KEY", KEY), "serve", "--port", "0", "--data-dir", corrupt.toString());
    assertEquals(1, db.exit(), db.err());
    assertTrue(db.out().startsWith("MCP URL: "), db.out());
    assertTrue(
        db.err().startsWith("torii-mcp-server: Unable to obtain connection from database"),
        db.err());
    assertTrue(db.err().contains("File corrupted"), db.err());
    assertFalse(db.err().contains("\tat "), db.err());
    assertFalse(db.err().contains("Exception"), db.err());
    assertFalse(db.out().contains(KEY) || db.err().contains(KEY));
  }

  @Test
  void serveShowsTheUrlOnceAndTheApiKeyNowhere() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Process p =
        jar(
                Map.of(
                    "TORII_API_KEY",
                    KEY,
                    "TORII_BASE_URL",
                    "http://127.0.0.1:" + closedPort + "/v1.0"),
                "serve",
                "--port",
                "0",
                "--data-dir",
                dataDir.toString())
            .start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    List<String> printed = new ArrayList<>();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        printed.add(line);
        if (line.startsWith("Serving ")) {
          break;
        }
      }
      List<String> urls = printed.stream().filter(l -> l.startsWith("MCP URL: ")).toList();
      assertEquals(1, urls.size(), String.join("\n", printed));
      String url = urls.get(0).substring("MCP URL: ".length());
      assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/mcp/[A-Za-z0-9_-]{43}"), url);
      String token = url.substring(url.lastIndexOf('/') + 1);
      List<String> withToken = printed.stream().filter(l -> l.contains(token)).toList();
      assertEquals(2, withToken.size(), "the MCP URL line and the mcp-remote config only");
      assertEquals(
          "  {\"mcpServers\": {\"torii\": {\"command\": \"npx\", \"args\": [\"mcp-remote\", \""
              + url
              + "\"]}}}",
          withToken.get(1));
      assertEquals(
          "Serving 65 tools on http://127.0.0.1:" + closedPort + "/v1.0. Press Ctrl+C to stop.",
          printed.get(printed.size() - 1));

      McpHttp client = new McpHttp(url);
      client.initialize();
      JsonNode r = client.call("list_all_torii_roles", "{}");
      assertTrue(r.get("isError").asBoolean());
      assertEquals(
          "Torii could not be reached for list_all_torii_roles (connection refused).",
          r.at("/content/0/text").asText());
      assertFalse(String.join("\n", printed).contains(KEY));
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
    String stderr = err.get(20, TimeUnit.SECONDS);
    assertFalse(stderr.contains(KEY), "stderr holds no API key");
  }

  @Test
  void stdioWritesOnlyProtocolLinesToStdout() throws Exception {
    Process p = jar(Map.of(), "stdio", "--sandbox").start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    try (OutputStream in = p.getOutputStream()) {
      in.write(
          ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                  + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                  + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                  + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_all_torii_roles\",\"arguments\":{}}}\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    String out = read(p.getInputStream());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stdio ends with its input");
    assertEquals(0, p.exitValue(), err.get(10, TimeUnit.SECONDS));
    List<String> lines = out.lines().toList();
    assertEquals(2, lines.size(), out);
    JsonNode init = McpHttp.MAPPER.readTree(lines.get(0));
    assertEquals("2025-11-25", init.at("/result/protocolVersion").asText());
    JsonNode call = McpHttp.MAPPER.readTree(lines.get(1));
    assertEquals(2, call.get("id").asInt());
    assertTrue(call.at("/result/structuredContent/roles").size() > 0, lines.get(1));
    assertTrue(Files.exists(JAR));
  }
}
