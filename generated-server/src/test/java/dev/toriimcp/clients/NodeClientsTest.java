package dev.toriimcp.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toriimcp.server.ServerFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real MCP clients against the server on the sandbox: the official TypeScript SDK running two audit
 * workflows, and the official conformance suite for both protocol eras.
 */
class NodeClientsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern RESULT_DIR =
      Pattern.compile("^server-(.*)-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z$");
  static ServerFixture server;
  static Path node;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    node = NodeTools.node();
    server = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void typescriptSdkRunsTheOffboardingAndShadowItWorkflows() throws Exception {
    NodeTools.Result r =
        NodeTools.run(
            NodeTools.DIR, Map.of(), 180, List.of(node.toString(), "workflows.mjs", server.url));
    assertEquals(0, r.exit(), r.output());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.output().split("\n")) {
      if (line.startsWith("{\"workflow\"")) {
        lines.add(MAPPER.readTree(line));
      }
    }
    assertEquals(2, lines.size(), r.output());
    JsonNode offboarding = lines.get(0);
    assertEquals(10002, offboarding.get("user").asInt());
    assertTrue(
        offboarding.get("appsNotRemoved").toString().contains("\"Slack\""), offboarding.toString());
    assertEquals(
        "offboarded",
        server
            .app
            .sandbox()
            .state()
            .userByEmail("alex.chen@company.com")
            .orElseThrow()
            .lifecycleStatus());
    JsonNode shadow = lines.get(1);
    assertTrue(
        shadow.get("withActiveContracts").toString().contains("\"Dropbox\""), shadow.toString());
  }

  @Test
  void conformanceSuiteFindsOnlyTheExpectedGaps() throws Exception {
    Set<String> failed = new TreeSet<>();
    int checks = 0;
    checks +=
        conformance(
            "2025-11-25", "@modelcontextprotocol/conformance/dist/index.js", List.of(), failed);
    checks +=
        conformance(
            "2026-07-28",
            "conformance-next/dist/index.js",
            List.of("--requirements", "2026-07-28"),
            failed);
    checks +=
        conformance(
            "2026-07-28",
            "conformance-next/dist/index.js",
            List.of("--spec-version", "2026-07-28", "--scenario", "http-header-validation"),
            failed);
    Set<String> expected = new TreeSet<>();
    for (String line :
        Files.readAllLines(
            NodeTools.DIR.resolve("conformance-expected-failures.tsv"), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] f = line.split("\t");
        expected.add(f[0] + " " + f[1] + " " + f[2]);
      }
    }
    Set<String> unexpected = new TreeSet<>(failed);
    unexpected.removeAll(expected);
    Set<String> nowPassing = new TreeSet<>(expected);
    nowPassing.removeAll(failed);
    assertEquals(Set.of(), unexpected, "conformance checks that fail but are not expected to");
    assertEquals(
        Set.of(), nowPassing, "expected failures that now pass: remove them from the baseline");
    assertTrue(checks > 150, "the suites ran (" + checks + " checks)");
  }

  /** Runs one suite; adds its failed checks as "suite scenario check"; returns the check count. */
  private static int conformance(String suite, String script, List<String> args, Set<String> failed)
      throws Exception {
    Path out = Files.createTempDirectory(tmp, "conformance");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                node.toString(),
                NodeTools.module(script).toString(),
                "server",
                "--url",
                server.url,
                "-o",
                out.toString()));
    cmd.addAll(args);
    NodeTools.Result r = NodeTools.run(out, Map.of(), 600, cmd);
    assertTrue(r.exit() == 0 || r.exit() == 1, r.output());
    int count = 0;
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("checks.json")).toList()) {
        var m = RESULT_DIR.matcher(f.getParent().getFileName().toString());
        assertTrue(m.matches(), f.toString());
        for (JsonNode check : MAPPER.readTree(f.toFile())) {
          count++;
          if ("FAILURE".equals(check.path("status").asText())) {
            failed.add(suite + " " + m.group(1) + " " + check.path("id").asText());
          }
        }
      }
    }
    return count;
  }
}
