package dev.toriimcp.generator.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.Generator;
import dev.toriimcp.generator.problem.GenerationException;
import dev.toriimcp.generator.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What fuzzing spec and overlay loading found, one test per finding. */
class SpecLoadingFindingsTest {
  @TempDir Path dir;

  private List<String> errors(String spec) throws Exception {
    Path file = dir.resolve("api.yaml");
    Files.writeString(file, spec);
    GenerationException e =
        assertThrows(
            GenerationException.class,
            () ->
                Generator.generate(GenerationRequest.of(dir, file, List.of(), dir.resolve("out"))));
    return e.problems().stream()
        .filter(p -> p.severity() == Problem.Severity.ERROR)
        .map(Problem::render)
        .toList();
  }

  private static String specWithSchemaRef(String ref) {
    return """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /users:
            get:
              operationId: listUsers
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          users: {$ref: '%s'}
        """
        .formatted(ref);
  }

  /**
   * A schema reference to the whole document ({@code $ref: '#'}) resolved to the root, and naming
   * its definition failed with StringIndexOutOfBoundsException; a plain-name fragment ({@code
   * #anchor}) or a malformed percent escape made the JSON pointer or the decoder throw. All three
   * are references that do not resolve.
   */
  @Test
  void referencesThatAreNotJsonPointersDoNotResolve() throws Exception {
    assertEquals(
        List.of("[TORII-SPEC-003] $ref # does not resolve (api.yaml:15:33)"),
        errors(specWithSchemaRef("#")));
    assertEquals(
        List.of("[TORII-SPEC-003] $ref #anchor does not resolve (api.yaml:15:33)"),
        errors(specWithSchemaRef("#anchor")));
    assertEquals(
        List.of("[TORII-SPEC-003] $ref #/components/schemas/%zz does not resolve (api.yaml:15:33)"),
        errors(specWithSchemaRef("#/components/schemas/%zz")));
  }

  /**
   * An {@code enum} that is not a list, on a result field (which the converter makes nullable),
   * failed with ClassCastException while null was added to it. It is left as it is: the generated
   * schema is the author's, and the description still generates.
   */
  @Test
  void anEnumThatIsNotAListOnAResultFieldGenerates() throws Exception {
    Path file = dir.resolve("api.yaml");
    Files.writeString(
        file,
        specWithSchemaRef("#/components/schemas/State")
            + "components:\n  schemas:\n    State: {type: string, enum: 5}\n");
    Generator.generate(GenerationRequest.of(dir, file, List.of(), dir.resolve("out")));
    String tools = Files.readString(dir.resolve("out/tools.json"));
    assertEquals(
        5,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tools)
            .at("/tools/0/outputSchema/$defs/State/enum")
            .asInt(),
        tools);
  }
}
