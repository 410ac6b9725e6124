package dev.toriimcp.generator;

import dev.toriimcp.generator.emit.GeneratedFile;
import dev.toriimcp.generator.model.ToolSet;
import dev.toriimcp.generator.problem.Problem;
import java.util.List;

/**
 * What one generation produced.
 *
 * @param toolSet the model
 * @param files every generated file, sources and catalog
 * @param warnings problems that did not stop generation
 * @param written how many files changed on disk
 * @param summary the one-line summary for the build log
 */
public record GenerationResult(
    ToolSet toolSet,
    List<GeneratedFile> files,
    List<Problem> warnings,
    int written,
    String summary) {
  public GenerationResult {
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
  }
}
