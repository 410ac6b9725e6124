package dev.toriimcp.generator.maven;

import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.Generator;
import dev.toriimcp.generator.diff.BaseSource;
import dev.toriimcp.generator.diff.DiffReport;
import dev.toriimcp.generator.diff.ToolSurfaceDiff;
import dev.toriimcp.generator.model.ToolSet;
import dev.toriimcp.generator.problem.GenerationException;
import dev.toriimcp.generator.problem.Problem;
import dev.toriimcp.generator.problem.Problems;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the tool surface of two versions of the description and overlays, and says for each
 * change whether it can break an agent. Writes {@code tool-diff.md} (for a pull-request comment)
 * and {@code tool-diff.json}. The head side is {@code mcp.spec} and {@code mcp.overlays}; the base
 * side is {@code mcp.base}: a file, or {@code git:<revision>} for the same paths at that revision.
 */
@Mojo(name = "diff", threadSafe = true, requiresProject = false)
public final class DiffMojo extends AbstractToriiMcpMojo {

  /**
   * The base: a description file, or {@code git:<revision>} (e.g. {@code git:HEAD~1}, {@code
   * git:origin/main}).
   */
  @Parameter(property = "mcp.base", required = true)
  private String base;

  /** Overlays of a file base (default: the same overlay files as the head). */
  @Parameter(property = "mcp.baseOverlays")
  private List<File> baseOverlays = new ArrayList<>();

  /** Where {@code tool-diff.md} and {@code tool-diff.json} are written. */
  @Parameter(
      property = "mcp.diffOutputDirectory",
      defaultValue = "${project.build.directory}/torii-mcp-diff")
  private File diffOutputDirectory;

  /** Fail the build when a change can break an agent. */
  @Parameter(property = "mcp.failOnBreaking", defaultValue = "false")
  private boolean failOnBreaking;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path root = baseDirectory();
    Path scratch;
    try {
      scratch = Files.createTempDirectory("torii-mcp-diff");
    } catch (IOException e) {
      throw new MojoExecutionException("torii-mcp: cannot create a scratch directory", e);
    }
    List<Path> headOverlays = overlays.stream().map(File::toPath).toList();
    GenerationRequest headRequest = request(root, spec.toPath(), headOverlays);
    GenerationRequest baseRequest;
    try {
      if (base.startsWith("git:")) {
        List<Path> files = new ArrayList<>();
        files.add(spec.toPath());
        files.addAll(headOverlays);
        List<Path> copies = BaseSource.atRevision(base.substring(4), files, root, scratch);
        baseRequest = request(scratch, copies.get(0), copies.subList(1, copies.size()));
      } else {
        List<Path> bo =
            baseOverlays.isEmpty()
                ? headOverlays
                : baseOverlays.stream().map(File::toPath).toList();
        baseRequest = request(root, Path.of(base), bo);
      }
    } catch (BaseSource.BaseException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (IOException | InterruptedException e) {
      throw new MojoExecutionException("torii-mcp: cannot read the base: " + e.getMessage(), e);
    }
    ToolSet before = model("base (" + base + ")", baseRequest);
    ToolSet after = model("head", headRequest);
    DiffReport report = ToolSurfaceDiff.compare(before, after);
    try {
      Files.createDirectories(directory(diffOutputDirectory, "torii-mcp-diff"));
      Files.writeString(
          directory(diffOutputDirectory, "torii-mcp-diff").resolve("tool-diff.md"),
          report.markdown(),
          StandardCharsets.UTF_8);
      Files.writeString(
          directory(diffOutputDirectory, "torii-mcp-diff").resolve("tool-diff.json"),
          report.json(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("torii-mcp: cannot write the diff: " + e.getMessage(), e);
    }
    report.changes().stream()
        .filter(c -> c.breaking())
        .forEach(c -> getLog().warn("BREAKING " + c.explanation()));
    getLog()
        .info(
            "torii-mcp diff: "
                + report.summary()
                + "; written to "
                + Generator.display(root, directory(diffOutputDirectory, "torii-mcp-diff")));
    if (failOnBreaking && report.breakingCount() > 0) {
      throw new MojoFailureException(
          "torii-mcp diff: "
              + report.breakingCount()
              + " breaking change(s) for agents (mcp.failOnBreaking=true):\n  "
              + String.join(
                  "\n  ",
                  report.changes().stream()
                      .filter(c -> c.breaking())
                      .map(c -> c.explanation())
                      .toList()));
    }
  }

  private GenerationRequest request(Path baseDir, Path specFile, List<Path> overlayFiles) {
    return GenerationRequest.of(baseDir, specFile, overlayFiles, baseDir.resolve("target/unused"))
        .withToolPrefix(toolPrefix)
        .withMaxSchemaBytes(maxSchemaBytes)
        .withFilters(filters());
  }

  private ToolSet model(String side, GenerationRequest request) throws MojoFailureException {
    try {
      return Generator.model(request, new Problems());
    } catch (GenerationException e) {
      e.problems().stream()
          .filter(p -> p.severity() == Problem.Severity.ERROR)
          .forEach(p -> getLog().error(p.render()));
      throw new MojoFailureException(
          "torii-mcp diff: the " + side + " description has problems:\n" + e.getMessage());
    }
  }
}
