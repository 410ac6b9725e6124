package dev.toriimcp.generator.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.Generator;
import dev.toriimcp.generator.model.ToolSet;
import dev.toriimcp.generator.problem.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-printed Java sources are exactly what JavaPoet prints for the same classes, on the
 * project's Torii description, Torii's published snapshot, the golden cases and a description made
 * of awkward cases (names that need escaping, reserved type names, long and multi-line strings,
 * empty records, enums and nested records in definitions that refer to each other). The server
 * module's corpus test does the same for a dozen public APIs.
 */
class JavaEmitterParityTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path SNAPSHOT =
      REPO.resolve("../shared/reference/torii-openapi-2026-03.json").normalize();

  @Test
  void toriiDescriptionWithOverlays() throws Exception {
    List<Path> files =
        Stream.of("names", "tags", "rate-limits", "pagination", "descriptions")
            .map(o -> REPO.resolve("torii-spec/overlays/" + o + ".yaml"))
            .toList();
    assertEquals(66, compare(REPO.resolve("torii-spec/torii-openapi.yaml"), files, "torii"));
  }

  @Test
  void toriiPublishedSnapshot() throws Exception {
    assumeTrue(Files.exists(SNAPSHOT), "Torii's snapshot is not in ../shared/reference");
    compare(SNAPSHOT, List.of(), "torii");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "golden/features30/input/openapi.yaml",
        "golden/petstore31/input/openapi.yaml",
        "emitter/awkward.yaml"
      })
  void testDescriptions(String spec) throws Exception {
    compare(Path.of("src/test/resources").resolve(spec), List.of(), "");
  }

  private static int compare(Path spec, List<Path> overlays, String prefix) throws Exception {
    GenerationRequest request =
        GenerationRequest.of(spec.getParent(), spec, overlays, spec.getParent().resolve("unused"))
            .withPackage("parity.tools", "ParityTools")
            .withToolPrefix(prefix);
    ToolSet set = Generator.model(request, new Problems());
    return EmitterParity.assertSameAsJavaPoet(
        set, "parity.tools", "ParityTools", "Generated from " + spec.getFileName());
  }
}
