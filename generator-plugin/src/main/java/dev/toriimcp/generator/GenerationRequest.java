package dev.toriimcp.generator;

import dev.toriimcp.generator.model.ToolFilters;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one generation needs, independent of Maven.
 *
 * @param baseDirectory directory that file names in messages and headers are relative to
 * @param spec the OpenAPI description
 * @param overlays overlay files, applied in this order
 * @param outputDirectory where Java sources and schema resources go
 * @param packageName package of the generated classes
 * @param registryClassName simple name of the generated registry
 * @param toolPrefix the word in derived tool names
 * @param autoPagination detect cursor pagination without {@code x-mcp-pagination}
 * @param maxSchemaBytes size budget of one tool's input or output schema
 * @param filters which tools to generate
 * @param catalogDirectory where the checked-in catalog lives, if it is checked
 * @param updateCatalog write the catalog there instead of failing on a difference
 * @param templateDirectory templates overriding the built-in ones
 */
public record GenerationRequest(
    Path baseDirectory,
    Path spec,
    List<Path> overlays,
    Path outputDirectory,
    String packageName,
    String registryClassName,
    String toolPrefix,
    boolean autoPagination,
    int maxSchemaBytes,
    ToolFilters filters,
    Optional<Path> catalogDirectory,
    boolean updateCatalog,
    Optional<Path> templateDirectory) {

  /** The default size budget of one schema, in bytes of compact JSON. */
  public static final int DEFAULT_MAX_SCHEMA_BYTES = 32768;

  public GenerationRequest {
    Objects.requireNonNull(baseDirectory, "baseDirectory");
    Objects.requireNonNull(spec, "spec");
    overlays = List.copyOf(overlays);
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(registryClassName, "registryClassName");
    toolPrefix = toolPrefix == null ? "" : toolPrefix;
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(catalogDirectory, "catalogDirectory");
    Objects.requireNonNull(templateDirectory, "templateDirectory");
  }

  /** A request with defaults for everything but the inputs and the output directory. */
  public static GenerationRequest of(Path baseDirectory, Path spec, List<Path> overlays, Path out) {
    return new GenerationRequest(
        baseDirectory,
        spec,
        overlays,
        out,
        "generated.mcp.tools",
        "GeneratedTools",
        "",
        true,
        DEFAULT_MAX_SCHEMA_BYTES,
        ToolFilters.NONE,
        Optional.empty(),
        false,
        Optional.empty());
  }

  public GenerationRequest withPackage(String pkg, String registry) {
    return new GenerationRequest(
        baseDirectory,
        spec,
        overlays,
        outputDirectory,
        pkg,
        registry,
        toolPrefix,
        autoPagination,
        maxSchemaBytes,
        filters,
        catalogDirectory,
        updateCatalog,
        templateDirectory);
  }

  public GenerationRequest withToolPrefix(String prefix) {
    return new GenerationRequest(
        baseDirectory,
        spec,
        overlays,
        outputDirectory,
        packageName,
        registryClassName,
        prefix,
        autoPagination,
        maxSchemaBytes,
        filters,
        catalogDirectory,
        updateCatalog,
        templateDirectory);
  }

  public GenerationRequest withCatalog(Path directory, boolean update) {
    return new GenerationRequest(
        baseDirectory,
        spec,
        overlays,
        outputDirectory,
        packageName,
        registryClassName,
        toolPrefix,
        autoPagination,
        maxSchemaBytes,
        filters,
        Optional.of(directory),
        update,
        templateDirectory);
  }

  public GenerationRequest withMaxSchemaBytes(int bytes) {
    return new GenerationRequest(
        baseDirectory,
        spec,
        overlays,
        outputDirectory,
        packageName,
        registryClassName,
        toolPrefix,
        autoPagination,
        bytes,
        filters,
        catalogDirectory,
        updateCatalog,
        templateDirectory);
  }

  public GenerationRequest withFilters(ToolFilters f) {
    return new GenerationRequest(
        baseDirectory,
        spec,
        overlays,
        outputDirectory,
        packageName,
        registryClassName,
        toolPrefix,
        autoPagination,
        maxSchemaBytes,
        f,
        catalogDirectory,
        updateCatalog,
        templateDirectory);
  }

  public GenerationRequest withTemplates(Path directory) {
    return new GenerationRequest(
        baseDirectory,
        spec,
        overlays,
        outputDirectory,
        packageName,
        registryClassName,
        toolPrefix,
        autoPagination,
        maxSchemaBytes,
        filters,
        catalogDirectory,
        updateCatalog,
        Optional.ofNullable(directory));
  }
}
