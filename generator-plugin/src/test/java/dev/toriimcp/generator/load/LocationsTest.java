package dev.toriimcp.generator.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toriimcp.generator.problem.Problems;
import dev.toriimcp.generator.problem.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compact positions answer every lookup exactly as a map from each node's JSON pointer to its
 * position would.
 */
class LocationsTest {
  private static final String YAML =
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths:
        /users/{id}:
          get:
            parameters:
              - {name: id, in: path}
              - name: fields
                in: query
            responses:
              '200': {description: ok}
              "01": {description: leading zero}
        /a~b/c:
          x-list: [[], {}, [1, [2, 3]], '']
          "": empty name
          "~1": tilde one
          "~01": tilde zero one
      components:
        schemas:
          Big: {properties: {p0: 0, p1: 1, p2: 2, p3: 3, p4: 4, p5: 5, p6: 6, p7: 7, p8: 8, p9: 9}}
      """;

  private static final String JSON =
      """
      {"a": [0, {"b/c": {"d~e": [true, null, 1.5]}}, []], "": {"": {"": 1}}, "10": {"0": "x"}}
      """;

  @Test
  void yamlLookupsMatchThePointerMap() throws Exception {
    assertSameAnswers(YAML, false);
  }

  @Test
  void jsonLookupsMatchThePointerMap() throws Exception {
    assertSameAnswers(JSON, true);
  }

  @Test
  void scalarRootsAreLocated() throws Exception {
    assertSameAnswers("just text\n", false);
    assertSameAnswers("[]", true);
  }

  @Test
  void theGitHubSizedShapeOfWideObjectsAndDeepNesting() throws Exception {
    StringBuilder b = new StringBuilder("{\"wide\": {");
    for (int i = 0; i < 300; i++) {
      b.append(i == 0 ? "" : ",")
          .append("\"k")
          .append(i)
          .append("\": [")
          .append(i)
          .append(", {\"v\": ")
          .append(i)
          .append("}]");
    }
    b.append("}, \"deep\": ");
    for (int i = 0; i < 60; i++) {
      b.append("{\"n\": [");
    }
    b.append("0");
    for (int i = 0; i < 60; i++) {
      b.append("]}");
    }
    b.append("}");
    assertSameAnswers(b.toString(), true);
  }

  @Test
  void duplicateNamesKeepEveryOccurrencesPointer() throws Exception {
    String yaml = "a:\n  x: 1\na:\n  y: 2\n";
    LocatedDocument doc = parse(yaml);
    assertEquals(2, doc.root().path("a").path("y").asInt());
    assertEquals(4, doc.locate("/a/y").line());
    assertEquals(2, doc.locate("/a/x").line(), "the first occurrence's member is still located");
    assertSameAnswers(yaml, false);
  }

  @Test
  void theGitHubDescriptionWhenPresent() throws Exception {
    Path github =
        Path.of(
            System.getProperty("user.home"),
            ".cache/torii-mcp/corpus/octokit_openapi23.0.2/package/generated/api.github.com.json");
    if (!Files.exists(github)) {
      return; // fetched by the corpus tests; the small documents above cover the same paths
    }
    String text = Files.readString(github);
    Map<String, int[]> lines = new HashMap<>();
    DocumentReader.readWithPointers(text, true, lines);
    LocatedDocument doc = parse(text);
    List<String> pointers = new ArrayList<>(lines.keySet());
    pointers.sort(null);
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      String p = pointers.get(random.nextInt(pointers.size()));
      int[] lc = lines.get(p);
      SourceLocation at = doc.locate(p);
      assertEquals(lc[0], at.line(), p);
      assertEquals(lc[1], at.column(), p);
    }
  }

  private static LocatedDocument parse(String text) {
    Problems problems = new Problems();
    LocatedDocument doc = DocumentReader.parse(text, "t", "E", problems).orElseThrow();
    assertTrue(problems.errors().isEmpty(), problems.sorted().toString());
    return doc;
  }

  /** Every pointer the map knows, variants of them it does not, and what each resolves to. */
  private static void assertSameAnswers(String text, boolean json) throws Exception {
    Map<String, int[]> lines = new HashMap<>();
    DocumentReader.readWithPointers(text, json, lines);
    LocatedDocument expected = new LocatedDocument("t", null, lines);
    LocatedDocument actual = parse(text);
    List<String> probes = new ArrayList<>();
    for (String p : lines.keySet()) {
      probes.add(p);
      probes.add(p + "/");
      probes.add(p + "/0");
      probes.add(p + "/00");
      probes.add(p + "/1");
      probes.add(p + "/-1");
      probes.add(p + "/missing");
      probes.add(p + "/~");
      probes.add(p + "/~2");
      probes.add(p + "/~1");
      probes.add(p + "/~01");
      probes.add(p.replace("~1", "/"));
      probes.add(p.replace("/", "//"));
    }
    probes.addAll(List.of("", "/", "no-slash", "~", "/paths/~1users~1{id}/get/parameters/01"));
    assertTrue(lines.size() > 0);
    for (String p : probes) {
      assertEquals(expected.locate(p), actual.locate(p), "locate(" + p + ")");
    }
  }
}
