package dev.toriimcp.generator.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.generator.problem.Problems;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Swagger Parser says the same about the tree as about the tree's text. */
class SwaggerViewTest {
  private static final String FINDINGS =
      """
      openapi: 3.0.3
      info: {title: T}
      x-numbers: [1, -0, 2147483648, 9223372036854775808, 1.5, 1e2, 0.1, -2.50, 1e400, 123456789012345678901234567890]
      paths:
        /users:
          get:
            parameters:
              - {name: size, in: query, schema: {type: integer, minimum: 1.0, maximum: 1e3, default: 20, multipleOf: 0.5}}
              - {name: q, in: nowhere}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: object
                      required: true
                      properties:
                        n: {type: number, minimum: 1e-3, example: 2.5, enum: [1.5, 2, 1e1]}
                        s: {type: string, maxLength: 2.5, format: date, example: '2026-01-31'}
      components:
        schemas:
          Bad: {type: 12, properties: [], nullable: maybe}
      """;

  @Test
  void findingsAndNumbersAreTheSameAsFromText() {
    assertSameResult(read(FINDINGS));
  }

  @Test
  void aDecimalBeyondDoubleFailsAlike() {
    JsonNode root = read(FINDINGS.replace("minimum: 1e-3", "minimum: 1e400"));
    assertSameResult(root);
    SwaggerParseResult result = SwaggerView.parse(SwaggerView.of(root), new ParseOptions());
    assertNull(result.getOpenAPI(), "Swagger Parser cannot take an infinite minimum");
  }

  @Test
  void numbersAreConvertedAndTheRestIsShared() {
    JsonNode root = read("{\"a\": {\"b\": [1, 2.5]}, \"c\": {\"d\": \"text\"}}");
    JsonNode view = SwaggerView.of(root);
    assertNotSame(root, view);
    assertSame(root.get("c"), view.get("c"), "a subtree without decimals is shared");
    assertTrue(view.at("/a/b/1").isDouble());
    assertTrue(root.at("/a/b/1").isBigDecimal(), "the description itself is not changed");
    JsonNode plain = read("{\"a\": [1, true, null, \"x\"]}");
    assertSame(plain, SwaggerView.of(plain));
  }

  @Test
  void valuesTheTextParserRejectsGoTheTextRoute() {
    String deep = "[".repeat(SwaggerView.MAX_DEPTH + 1) + "]".repeat(SwaggerView.MAX_DEPTH + 1);
    assertNull(SwaggerView.of(read("{\"a\": " + deep + "}")));
    assertNull(SwaggerView.of(read("{\"a\": " + "9".repeat(SwaggerView.MAX_NUMBER + 1) + "}")));
    assertNull(SwaggerView.of(read("{\"" + "n".repeat(SwaggerView.MAX_NAME + 1) + "\": 1}")));
    assertNotNull(SwaggerView.of(read("{\"a\": " + "9".repeat(SwaggerView.MAX_NUMBER) + "}")));
  }

  @Test
  void everyDescriptionInTheRepository() throws Exception {
    List<Path> specs = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/golden"))) {
      s.filter(p -> p.getFileName().toString().equals("openapi.yaml")).forEach(specs::add);
    }
    specs.add(Path.of("../torii-spec/torii-openapi.yaml"));
    Path github =
        Path.of(
            System.getProperty("user.home"),
            ".cache/torii-mcp/corpus/octokit_openapi23.0.2/package/generated/api.github.com.json");
    if (Files.exists(github)) {
      specs.add(github);
    }
    assertFalse(specs.size() < 3, specs.toString());
    for (Path spec : specs) {
      assertSameResult(read(Files.readString(spec)));
    }
  }

  private static JsonNode read(String text) {
    Problems problems = new Problems();
    JsonNode root = DocumentReader.parse(text, "t", "E", problems).orElseThrow().root();
    assertTrue(problems.errors().isEmpty(), problems.sorted().toString());
    return root;
  }

  private static void assertSameResult(JsonNode root) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult fromText =
        new OpenAPIV3Parser().readContents(root.toString(), null, options);
    JsonNode view = SwaggerView.of(root);
    assertNotNull(view);
    SwaggerParseResult fromTree = SwaggerView.parse(view, options);
    assertEquals(fromText.getMessages(), fromTree.getMessages());
    assertEquals(fromText.getOpenAPI() == null, fromTree.getOpenAPI() == null);
    if (fromText.getOpenAPI() != null) {
      assertEquals(fromText.getOpenAPI().toString(), fromTree.getOpenAPI().toString());
    }
  }
}
