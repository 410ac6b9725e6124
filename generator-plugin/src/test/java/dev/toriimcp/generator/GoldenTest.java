package dev.toriimcp.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files: each case under {@code src/test/resources/golden/<case>/} has {@code input/}
 * (openapi.yaml plus overlays, applied in name order) and {@code expected/} (every generated file).
 * Missing and extra files both fail. Run with {@code -Dgolden.update=true} to rewrite expected
 * output, then review the diff. The generated Java is compiled in the test.
 */
class GoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"petstore31", "features30"})
  void generatesExpectedFiles(String name) throws Exception {
    Path dir = GOLDEN.resolve(name);
    Path out = tmp.resolve("out");
    GenerationResult result = Generator.generate(request(dir, out));
    Map<String, String> actual = read(out);
    Path expected = dir.resolve("expected");
    if (Boolean.getBoolean("golden.update")) {
      deleteTree(expected);
      for (Map.Entry<String, String> e : actual.entrySet()) {
        Path f = expected.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
      }
    }
    Map<String, String> want = read(expected);
    assertEquals(want.keySet(), actual.keySet(), "generated file set differs from " + expected);
    for (String file : want.keySet()) {
      assertEquals(
          want.get(file),
          actual.get(file),
          file
              + " differs from "
              + expected.resolve(file)
              + "; run with -Dgolden.update=true and review the diff");
    }
    assertTrue(result.toolSet().tools().size() > 0);
    OutputChecks.compile(out, tmp.resolve("classes"));
    OutputChecks.checkSchemas(out);
  }

  static GenerationRequest request(Path dir, Path out) throws IOException {
    Path input = dir.resolve("input");
    List<Path> overlays = new ArrayList<>();
    try (Stream<Path> s = Files.list(input)) {
      s.filter(p -> !p.getFileName().toString().startsWith("openapi."))
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
          .sorted()
          .forEach(overlays::add);
    }
    Properties props = new Properties();
    Path config = dir.resolve("case.properties");
    if (Files.exists(config)) {
      try (var r = Files.newBufferedReader(config)) {
        props.load(r);
      }
    }
    Path spec =
        Files.exists(input.resolve("openapi.yaml"))
            ? input.resolve("openapi.yaml")
            : input.resolve("openapi.json");
    return GenerationRequest.of(dir, spec, overlays, out)
        .withPackage(
            props.getProperty("package", "golden.tools"),
            props.getProperty("registry", "GoldenTools"))
        .withToolPrefix(props.getProperty("prefix", ""));
  }

  static Map<String, String> read(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(root)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(root)) {
      // Dot files are the writer's bookkeeping (manifest, input fingerprint), not output.
      for (Path p :
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .toList()) {
        out.put(
            root.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
