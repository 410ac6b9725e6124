package dev.toriimcp.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toriimcp.generator.emit.GeneratedFile;
import dev.toriimcp.generator.model.ToolModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation from the project's Torii description and from Torii's own published snapshot. */
class ToriiGenerationTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path SPEC = REPO.resolve("torii-spec/torii-openapi.yaml");
  static final Path SNAPSHOT =
      REPO.resolve("../shared/reference/torii-openapi-2026-03.json").normalize();
  static final List<String> OVERLAYS =
      List.of(
          "names.yaml", "tags.yaml", "rate-limits.yaml", "pagination.yaml", "descriptions.yaml");

  @TempDir Path tmp;

  static GenerationRequest torii(Path out) {
    return GenerationRequest.of(
            REPO,
            SPEC,
            OVERLAYS.stream().map(o -> REPO.resolve("torii-spec/overlays").resolve(o)).toList(),
            out)
        .withPackage("dev.toriimcp.tools", "ToriiTools")
        .withToolPrefix("torii")
        .withTemplates(REPO.resolve("templates"));
  }

  @Test
  void oneValidToolPerOperationOfTheToriiSpec() throws Exception {
    Path out = tmp.resolve("out");
    GenerationResult result = Generator.generate(torii(out));
    JsonNode spec = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(SPEC.toFile());
    Set<String> operations = new TreeSet<>();
    spec.path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> {
                          if (Set.of("get", "put", "post", "delete", "patch").contains(m)) {
                            operations.add(p.getValue().get(m).path("operationId").asText());
                          }
                        }));
    Set<String> tools = new TreeSet<>();
    result.toolSet().tools().forEach(t -> tools.add(t.operationId()));
    assertEquals(operations, tools, "one tool per operation");
    for (ToolModel t : result.toolSet().tools()) {
      assertTrue(t.name().matches("^[a-z0-9_]{1,64}$"), t.name());
    }
    assertEquals(result.toolSet().tools().size(), OutputChecks.checkSchemas(out) - outputs(result));
    OutputChecks.compile(out, tmp.resolve("classes"));
    assertEquals(List.of(), Generator.render(result.warnings()), "no warnings for our own spec");
  }

  private static int outputs(GenerationResult r) {
    return (int) r.toolSet().tools().stream().filter(t -> t.outputSchema().isPresent()).count();
  }

  @Test
  void twoRunsGiveIdenticalBytes() throws Exception {
    List<GeneratedFile> first = Generator.generate(torii(tmp.resolve("a"))).files();
    List<GeneratedFile> second = Generator.generate(torii(tmp.resolve("b"))).files();
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).path(), second.get(i).path());
      assertArrayEquals(first.get(i).content(), second.get(i).content(), first.get(i).path());
    }
    assertEquals(tree(tmp.resolve("a")), tree(tmp.resolve("b")));
    for (GeneratedFile f : first) {
      String text = f.text();
      assertTrue(!text.contains(REPO.toString()), f.path() + " contains an absolute path");
      assertTrue(
          !text.matches("(?s).*20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*")
              || f.path().endsWith(".json")
              || f.path().endsWith(".md"),
          f.path() + " contains a timestamp");
    }
  }

  @Test
  void unchangedInputsWriteNothing() throws Exception {
    Path out = tmp.resolve("same");
    assertTrue(Generator.generate(torii(out)).written() > 0);
    assertEquals(0, Generator.generate(torii(out)).written());
  }

  @Test
  void aChangedOverlayRegeneratesAndDeletesFilesNoLongerGenerated() throws Exception {
    Path out = tmp.resolve("stale");
    Generator.generate(torii(out));
    Path roles = out.resolve("dev/toriimcp/tools/ListAllToriiRoles.java");
    assertTrue(Files.exists(roles));
    Path exclude = tmp.resolve("exclude.yaml");
    Files.writeString(
        exclude,
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n"
            + "  - target: $.paths['/roles'].get\n    update: {x-mcp-exclude: true}\n");
    GenerationRequest base = torii(out);
    List<Path> overlays = new ArrayList<>(base.overlays());
    overlays.add(exclude);
    GenerationRequest fewer =
        GenerationRequest.of(REPO, SPEC, overlays, out)
            .withPackage("dev.toriimcp.tools", "ToriiTools")
            .withToolPrefix("torii")
            .withTemplates(REPO.resolve("templates"));
    assertTrue(Generator.generate(fewer).written() > 0);
    assertTrue(!Files.exists(roles), "the excluded tool's class is deleted");
    assertTrue(
        !Files.exists(out.resolve("dev/toriimcp/tools/schemas/list_all_torii_roles.input.json")));
    assertEquals(0, Generator.generate(fewer).written());
  }

  @Test
  void toriisPublishedSnapshotGivesOneValidToolPerOperation() throws Exception {
    assumeTrue(Files.exists(SNAPSHOT), "Torii's published snapshot is not present at " + SNAPSHOT);
    Path out = tmp.resolve("snapshot");
    GenerationRequest request =
        GenerationRequest.of(REPO, SNAPSHOT, List.of(), out)
            .withPackage("snapshot.tools", "SnapshotTools")
            .withToolPrefix("torii");
    GenerationResult result = Generator.generate(request);
    JsonNode snapshot = new ObjectMapper().readTree(SNAPSHOT.toFile());
    List<String> ops = new ArrayList<>();
    snapshot
        .path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fields()
                    .forEachRemaining(
                        m -> {
                          if (m.getValue().has("operationId")) {
                            ops.add(m.getValue().get("operationId").asText());
                          }
                        }));
    assertEquals(60, ops.size());
    assertEquals(
        new TreeSet<>(ops),
        new TreeSet<>(result.toolSet().tools().stream().map(ToolModel::operationId).toList()));
    OutputChecks.checkSchemas(out);
    OutputChecks.compile(out, tmp.resolve("snapshot-classes"));
  }

  private static List<String> tree(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}
