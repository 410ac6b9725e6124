package dev.toriimcp.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toriimcp.generator.problem.Problems;
import dev.toriimcp.generator.problem.SourceLocation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the API description, applies the overlays in order, and checks the result with Swagger
 * Parser. The result keeps the line numbers of the original description, so problems found later
 * point at the line a person edits.
 */
public final class SpecLoader {
  private SpecLoader() {}

  /**
   * A loaded description.
   *
   * @param document the description after overlays, with source lines
   * @param openApi30 true for 3.0.x, false for 3.1.x
   */
  public record Loaded(LocatedDocument document, boolean openApi30) {}

  /**
   * @param spec the description file
   * @param specName its name for messages and headers
   * @param overlays overlay files in the order they apply, with their display names
   */
  public static Optional<Loaded> load(
      Path spec, String specName, List<Named> overlays, Problems problems) {
    Optional<Loaded> loaded = read(spec, specName, overlays, problems);
    loaded.ifPresent(l -> check(l.document(), problems));
    return loaded;
  }

  /**
   * {@link #load} without Swagger Parser's check: the description read and its overlays applied.
   * {@link #check} may then run beside the model building, since neither changes the tree.
   */
  public static Optional<Loaded> read(
      Path spec, String specName, List<Named> overlays, Problems problems) {
    Optional<LocatedDocument> read =
        DocumentReader.read(spec, specName, "TORII-SPEC-001", problems);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    LocatedDocument doc = read.get();
    if (!doc.root().isObject()) {
      problems.error("TORII-SPEC-002", "an OpenAPI description must be a mapping", doc.locate(""));
      return Optional.empty();
    }
    String version = doc.root().path("openapi").asText("");
    boolean v30 = version.matches("3\\.0\\.\\d+");
    boolean v31 = version.matches("3\\.1\\.\\d+");
    if (!v30 && !v31) {
      problems.error(
          "TORII-SPEC-002",
          version.isEmpty()
              ? "not an OpenAPI 3.0 or 3.1 description: the `openapi` field is missing"
              : "OpenAPI version " + version + " is not supported; use 3.0.x or 3.1.x",
          doc.locate(version.isEmpty() ? "" : "/openapi"));
      return Optional.empty();
    }
    for (Named overlay : overlays) {
      DocumentReader.read(overlay.path(), overlay.name(), "TORII-OVERLAY-001", problems)
          .ifPresent(o -> OverlayApplier.apply(o, doc, problems));
    }
    return Optional.of(new Loaded(doc, v30));
  }

  /**
   * Swagger Parser's findings become warnings: real descriptions are rarely spotless. Only reads
   * the tree.
   */
  public static void check(LocatedDocument doc, Problems problems) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result;
    try {
      JsonNode view = SwaggerView.of(doc.root());
      result =
          view == null
              ? new OpenAPIV3Parser().readContents(doc.root().toString(), null, options)
              : SwaggerView.parse(view, options);
    } catch (RuntimeException e) {
      problems.warning(
          "TORII-SPEC-W01",
          "Swagger Parser could not check the description: " + e.getClass().getSimpleName(),
          SourceLocation.of(doc.file()));
      return;
    }
    if (result == null) {
      return;
    }
    if (result.getMessages() != null) {
      result.getMessages().stream()
          .sorted()
          .forEach(m -> problems.warning("TORII-SPEC-W01", m, SourceLocation.of(doc.file())));
    }
    if (result.getOpenAPI() == null) {
      problems.error(
          "TORII-SPEC-002",
          "Swagger Parser could not read the description as OpenAPI",
          SourceLocation.of(doc.file()));
    }
  }

  /**
   * A file and the name it has in messages.
   *
   * @param path the file
   * @param name the display name (relative)
   */
  public record Named(Path path, String name) {}
}
