package dev.toriimcp.generator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.Generator;
import dev.toriimcp.generator.model.ToolSet;
import dev.toriimcp.generator.problem.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One fixture pair per kind of change, with the verdict and the explanation asserted exactly. */
class ToolSurfaceDiffTest {
  @TempDir Path dir;

  private static final String BASE =
      """
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths:
        /things:
          get:
            operationId: listThings
            x-mcp-name: list_all_things
            x-mcp-tags: [things]
            x-mcp-rate-limit: {requestsPerMinute: 100}
            description: Lists things.
            parameters:
              - {name: state, in: query, schema: {type: string, enum: [open, closed, archived]}}
              - {name: size, in: query, schema: {type: integer, default: 50}}
              - {name: owner, in: query, required: true, schema: {type: string}}
              - {name: since, in: query, schema: {type: string}}
              - {name: score, in: query, schema: {type: number}}
              - {name: level, in: query, schema: {type: integer}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        things: {type: array, items: {type: string}}
                        total: {type: integer}
        /things/{id}:
          delete:
            operationId: deleteThing
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            responses: {'204': {description: gone}}
      """;

  private List<String> diff(String head) throws Exception {
    return report(BASE, head).changes().stream()
        .map(c -> (c.breaking() ? "BREAKING " : "ok ") + c.explanation())
        .toList();
  }

  private DiffReport report(String baseSpec, String headSpec) throws Exception {
    return ToolSurfaceDiff.compare(model("base", baseSpec), model("head", headSpec));
  }

  private ToolSet model(String name, String spec) throws Exception {
    Path f = dir.resolve(name + ".yaml");
    Files.writeString(f, spec);
    return Generator.model(
        GenerationRequest.of(dir, f, List.of(), dir.resolve("out")), new Problems());
  }

  @Test
  void identicalDescriptionsHaveNoChanges() throws Exception {
    assertEquals(List.of(), diff(BASE));
    assertEquals("0 tools added, 0 removed, 0 changed; 0 breaking", report(BASE, BASE).summary());
  }

  @Test
  void removedAndAddedTools() throws Exception {
    String head =
        BASE.substring(0, BASE.indexOf("  /things/{id}:"))
            + """
          /widgets:
            get:
              operationId: listWidgets
              responses: {'200': {description: ok}}
        """;
    assertEquals(
        List.of(
            "BREAKING tool delete_a_thing_by_id was removed: agents that call it will fail",
            "ok new tool list_all_widgets (GET /widgets)"),
        diff(head));
  }

  @Test
  void renamedTool() throws Exception {
    assertEquals(
        List.of(
            "BREAKING tool list_all_things is now named list_every_thing: agents that call the old name will fail"),
        diff(BASE.replace("x-mcp-name: list_all_things", "x-mcp-name: list_every_thing")));
  }

  @Test
  void argumentsAddedRemovedAndRequiredness() throws Exception {
    String head =
        BASE.replace("        - {name: since, in: query, schema: {type: string}}\n", "")
            .replace("{name: owner, in: query, required: true,", "{name: owner, in: query,")
            .replace("{name: state, in: query,", "{name: state, in: query, required: true,")
            .replace(
                "        - {name: score,",
                "        - {name: team, in: query, required: true, schema: {type: string}}\n"
                    + "        - {name: note, in: query, schema: {type: string}}\n"
                    + "        - {name: score,");
    assertEquals(
        List.of(
            "BREAKING list_all_things has a new required argument team: calls without it will be rejected",
            "BREAKING list_all_things argument since was removed: calls that pass it will be rejected",
            "BREAKING list_all_things argument state is now required: calls without it will be rejected",
            "ok list_all_things has a new optional argument note",
            "ok list_all_things argument owner is now optional"),
        diff(head));
  }

  @Test
  void pinnedArgument() throws Exception {
    assertEquals(
        List.of(
            "BREAKING list_all_things argument level was removed: calls that pass it will be rejected",
            "ok list_all_things sends pinned values (none) -> query level: 2"),
        diff(
            BASE.replace(
                "{name: level, in: query, schema: {type: integer}}",
                "{name: level, in: query, x-mcp-value: 2, schema: {type: integer}}")));
  }

  @Test
  void typesFormatsEnumsAndDefaults() throws Exception {
    String head =
        BASE.replace(
                "{name: score, in: query, schema: {type: number}}",
                "{name: score, in: query, schema: {type: integer}}")
            .replace(
                "{name: level, in: query, schema: {type: integer}}",
                "{name: level, in: query, schema: {type: number}}")
            .replace(
                "{name: since, in: query, schema: {type: string}}",
                "{name: since, in: query, schema: {type: string, format: date}}")
            .replace("enum: [open, closed, archived]", "enum: [open, closed, draft]")
            .replace("default: 50", "default: 100");
    assertEquals(
        List.of(
            "BREAKING list_all_things argument score type number -> integer",
            "BREAKING list_all_things argument since format none -> date",
            "BREAKING list_all_things argument state no longer accepts archived",
            "ok list_all_things argument level type integer -> number",
            "ok list_all_things argument state also accepts draft",
            "ok list_all_things argument size default 50 -> 100"),
        diff(head));
  }

  @Test
  void resultsAccessTagsLimitsAndDescriptions() throws Exception {
    String head =
        BASE.replace(
                "                  total: {type: integer}\n",
                "                  count: {type: integer}\n")
            .replace("x-mcp-tags: [things]", "x-mcp-tags: [stuff]")
            .replace("requestsPerMinute: 100", "requestsPerMinute: 50")
            .replace("description: Lists things.", "description: Lists every thing.")
            .replace(
                "  /things/{id}:\n    delete:",
                "  /things/{id}:\n    delete:\n      x-mcp-verb: delete");
    assertEquals(
        List.of(
            "BREAKING list_all_things result field total was removed: agents reading it get nothing",
            "ok list_all_things description changed",
            "ok list_all_things result has a new field count",
            "ok list_all_things tags [things] -> [stuff] (check tag-filtered endpoints)",
            "ok list_all_things rate limit 100/min -> 50/min"),
        diff(head));
  }

  @Test
  void aReadToolThatNowWritesIsBreaking() throws Exception {
    String head = BASE.replace("  /things:\n    get:", "  /things:\n    post:");
    List<String> lines = diff(head);
    assertEquals(
        "BREAKING list_all_things now writes (list -> other): read-only endpoints no longer expose it",
        lines.get(0));
  }

  @Test
  void markdownAndJsonForAReviewer() throws Exception {
    DiffReport r =
        report(
            BASE,
            BASE.replace("enum: [open, closed, archived]", "enum: [open, closed]")
                .replace("description: Lists things.", "description: Lists all things."));
    assertEquals(
        """
        ## MCP tool surface changes

        2 tools before, 2 after: 0 tools added, 0 removed, 1 changed; 1 breaking.

        **Verdict: breaking for agents.** Review the first table before merging.

        ### Breaking

        | Tool | Change | What it means |
        | --- | --- | --- |
        | `list_all_things` | enum changed | list_all_things argument state no longer accepts archived |

        ### Not breaking

        **`list_all_things`**

        - description changed: list_all_things description changed

        """,
        r.markdown());
    assertEquals(
        """
        {
          "baseTools": 2,
          "headTools": 2,
          "breaking": 1,
          "summary": "0 tools added, 0 removed, 1 changed; 1 breaking",
          "changes": [
            {
              "tool": "list_all_things",
              "kind": "enum_changed",
              "breaking": true,
              "explanation": "list_all_things argument state no longer accepts archived"
            },
            {
              "tool": "list_all_things",
              "kind": "description_changed",
              "breaking": false,
              "explanation": "list_all_things description changed"
            }
          ]
        }
        """,
        r.json());
  }
}
