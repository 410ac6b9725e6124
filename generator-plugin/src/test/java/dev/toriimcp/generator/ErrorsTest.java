package dev.toriimcp.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.toriimcp.generator.problem.GenerationException;
import dev.toriimcp.generator.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per error id, asserting the whole rendered message with its file and line. */
class ErrorsTest {
  @TempDir Path dir;

  private static final String SPEC =
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths:
        /users:
          get:
            operationId: listUsers
            parameters:
              - {name: size, in: query, schema: {type: integer}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Users'}
        /users/{id}:
          get:
            operationId: getUser
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            responses:
              '200': {description: ok}
      components:
        schemas:
          Users:
            type: object
            properties:
              users: {type: array, items: {type: string}}
      """;

  private List<String> errors(String spec, String... overlays) throws Exception {
    Path specFile = dir.resolve("api.yaml");
    Files.writeString(specFile, spec);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < overlays.length; i++) {
      Path o = dir.resolve("overlay" + i + ".yaml");
      Files.writeString(o, overlays[i]);
      files.add(o);
    }
    GenerationException e =
        assertThrows(
            GenerationException.class,
            () ->
                Generator.generate(GenerationRequest.of(dir, specFile, files, dir.resolve("out"))));
    assertEquals(false, Files.exists(dir.resolve("out")), "nothing is written on errors");
    return e.problems().stream()
        .filter(p -> p.severity() == Problem.Severity.ERROR)
        .map(Problem::render)
        .toList();
  }

  private static String overlay(String actions) {
    return "overlay: 1.0.0\ninfo: {title: o, version: '1'}\nactions:\n" + actions;
  }

  @Test
  void specNotFound() throws Exception {
    GenerationException e =
        assertThrows(
            GenerationException.class,
            () ->
                Generator.generate(
                    GenerationRequest.of(
                        dir, dir.resolve("missing.yaml"), List.of(), dir.resolve("out"))));
    assertEquals(
        List.of("[TORII-SPEC-001] file not found (missing.yaml)"),
        e.problems().stream().map(Problem::render).toList());
  }

  @Test
  void specNotYaml() throws Exception {
    assertEquals(
        List.of("[TORII-SPEC-001] not valid YAML: while parsing a flow node (api.yaml:3:13)"),
        errors("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {a: [\n"));
  }

  @Test
  void unsupportedVersion() throws Exception {
    assertEquals(
        List.of(
            "[TORII-SPEC-002] OpenAPI version 2.0 is not supported; use 3.0.x or 3.1.x (api.yaml:1:10)"),
        errors("openapi: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n"));
  }

  @Test
  void unresolvedReference() throws Exception {
    assertEquals(
        List.of(
            "[TORII-SPEC-003] $ref #/components/schemas/Nope does not resolve (api.yaml:14:30)"),
        errors(SPEC.replace("'#/components/schemas/Users'", "'#/components/schemas/Nope'")));
  }

  @Test
  void externalReference() throws Exception {
    assertEquals(
        List.of(
            "[TORII-SPEC-004] $ref other.yaml#/Users points outside this document; bundle the"
                + " description into one file (api.yaml:14:30)"),
        errors(SPEC.replace("'#/components/schemas/Users'", "'other.yaml#/Users'")));
  }

  @Test
  void undeclaredPathParameter() throws Exception {
    // A parameter with an unknown location is left out with a warning, so {id} is undeclared.
    assertEquals(
        List.of(
            "[TORII-SPEC-006] path /users/{id} has {id}, but the operation declares no path"
                + " parameter id (api.yaml:17:7)"),
        errors(SPEC.replace("{name: id, in: path,", "{name: id, in: body,")));
  }

  @Test
  void overlayNotAnOverlay() throws Exception {
    assertEquals(
        List.of(
            "[TORII-OVERLAY-001] not an OpenAPI Overlay 1.0 document: `overlay: 1.0.0` is missing"
                + " or has another version (overlay0.yaml:1:10)"),
        errors(SPEC, "overlay: 2.0.0\ninfo: {title: o, version: '1'}\nactions: []\n"));
  }

  @Test
  void overlayTargetMatchesNothing() throws Exception {
    assertEquals(
        List.of(
            "[TORII-OVERLAY-002] target $.paths['/userz'].get matches nothing (overlay0.yaml:6:13)"),
        errors(
            SPEC,
            overlay(
                "  - target: $.paths['/users'].get\n    update: {x-mcp-name: list_users}\n"
                    + "  - target: $.paths['/userz'].get\n    update: {x-mcp-name: list_userz}\n")));
  }

  @Test
  void overlayTargetNotJsonPath() throws Exception {
    assertEquals(
        List.of(
            "[TORII-OVERLAY-003] target $.paths[?(@.a ==)] is not valid JSONPath: Failed to parse"
                + " filter: [?(@.a ==)], error on position: 9, char: ) (overlay0.yaml:4:13)"),
        errors(SPEC, overlay("  - target: '$.paths[?(@.a ==)]'\n    update: {a: 1}\n")));
  }

  @Test
  void overlayActionWithoutUpdateOrRemove() throws Exception {
    assertEquals(
        List.of(
            "[TORII-OVERLAY-004] action on $.info has neither `update` nor `remove: true`"
                + " (overlay0.yaml:4:5)"),
        errors(SPEC, overlay("  - target: $.info\n")));
  }

  @Test
  void invalidToolName() throws Exception {
    assertEquals(
        List.of(
            "[TORII-NAME-001] tool name 'list users!' must be 1 to 64 characters of A-Z, a-z, 0-9,"
                + " _ and - (overlay0.yaml:5:26)"),
        errors(
            SPEC,
            overlay(
                "  - target: $.paths['/users'].get\n    update: {x-mcp-name: 'list users!'}\n")));
  }

  @Test
  void duplicateToolName() throws Exception {
    assertEquals(
        List.of(
            "[TORII-NAME-002] tool name same is given to two operations; the other is at"
                + " overlay0.yaml:5:26 (overlay0.yaml:7:26)"),
        errors(
            SPEC,
            overlay(
                "  - target: $.paths['/users'].get\n    update: {x-mcp-name: same}\n"
                    + "  - target: $.paths['/users/{id}'].get\n    update: {x-mcp-name: same}\n")));
  }

  @Test
  void badExtensionValue() throws Exception {
    assertEquals(
        List.of(
            "[TORII-EXT-001] x-mcp-rate-limit.requestsPerMinute must be a positive whole number"
                + " (overlay0.yaml:5:32)"),
        errors(
            SPEC,
            overlay(
                "  - target: $.paths['/users'].get\n    update: {x-mcp-rate-limit: {requestsPerMinute: -3}}\n")));
  }

  @Test
  void pinnedValueOutsideEnumOrNotScalar() throws Exception {
    assertEquals(
        List.of(
            "[TORII-EXT-001] x-mcp-value must be a string, number or boolean (overlay0.yaml:7:27)",
            "[TORII-EXT-001] x-mcp-value \"3\" is not one of the parameter's enum values"
                + " [\"1\",\"2\"] (overlay0.yaml:5:27)"),
        errors(
            SPEC.replace(
                "        - {name: size, in: query, schema: {type: integer}}\n",
                "        - {name: size, in: query, schema: {type: integer}}\n"
                    + "        - {name: X-Level, in: header, schema: {type: string, enum: ['1', '2']}}\n"
                    + "        - {name: mode, in: query, schema: {type: string}}\n"),
            overlay(
                "  - target: $.paths['/users'].get.parameters[1]\n    update: {x-mcp-value: '3'}\n"
                    + "  - target: $.paths['/users'].get.parameters[2]\n"
                    + "    update: {x-mcp-value: [a]}\n")));
  }

  @Test
  void indexTargetPastTheEndMatchesNothing() throws Exception {
    assertEquals(
        List.of(
            "[TORII-OVERLAY-002] target $.paths['/users'].get.parameters[5] matches nothing"
                + " (overlay0.yaml:4:13)"),
        errors(
            SPEC,
            overlay(
                "  - target: $.paths['/users'].get.parameters[5]\n    update: {x-mcp-value: '3'}\n")));
  }

  @Test
  void paginationNamesMissingParameter() throws Exception {
    assertEquals(
        List.of(
            "[TORII-EXT-002] x-mcp-pagination names query parameters size and cursor, but the"
                + " operation does not declare cursor (overlay0.yaml:6:25)"),
        errors(
            SPEC,
            overlay(
                "  - target: $.paths['/users'].get\n    update:\n      x-mcp-pagination:"
                    + " {limitParameter: size, cursorParameter: cursor, itemsField: users,"
                    + " nextCursorField: nextCursor}\n")));
  }

  @Test
  void allErrorsAreReportedTogether() throws Exception {
    List<String> errors =
        errors(
            SPEC,
            overlay(
                "  - target: $.paths['/nope'].get\n    update: {a: 1}\n"
                    + "  - target: $.paths['/users'].get\n    update: {x-mcp-tags: [Bad Tag]}\n"
                    + "  - target: $.paths['/users/{id}'].get\n    update: {x-mcp-verb: fetch}\n"));
    assertEquals(
        List.of(
            "[TORII-OVERLAY-002] target $.paths['/nope'].get matches nothing (overlay0.yaml:4:13)",
            "[TORII-EXT-001] tag 'Bad Tag' must be lower-case letters, digits, _ and - (overlay0.yaml:7:26)",
            "[TORII-EXT-001] x-mcp-verb must be one of get, list, create, update, delete, other"
                + " (overlay0.yaml:9:26)"),
        errors);
  }
}
