package dev.toriimcp.generator.maven;

import dev.toriimcp.generator.model.ToolFilters;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** Parameters shared by the goals that read a description: what to read and how to name tools. */
abstract class AbstractToriiMcpMojo extends AbstractMojo {

  /** The OpenAPI 3.0 or 3.1 description (YAML or JSON). */
  @Parameter(property = "mcp.spec", defaultValue = "${basedir}/openapi.yaml", required = true)
  File spec;

  /** Overlay files, applied in order (comma-separated on the command line). */
  @Parameter(property = "mcp.overlays")
  List<File> overlays = new ArrayList<>();

  /** The word in derived tool names, e.g. {@code torii} in {@code list_all_torii_users}. */
  @Parameter(property = "mcp.toolPrefix", defaultValue = "")
  String toolPrefix;

  /** Detect cursor pagination on operations without {@code x-mcp-pagination}. */
  @Parameter(property = "mcp.autoPagination", defaultValue = "true")
  boolean autoPagination;

  /**
   * Size budget of one tool's input or output schema, in bytes of compact JSON. Larger schemas lose
   * their deepest definitions (with a warning) so that {@code tools/list} stays usable.
   */
  @Parameter(property = "mcp.maxSchemaBytes", defaultValue = "32768")
  int maxSchemaBytes;

  /** Generate only tools with at least one of these tags (comma-separated; empty: all). */
  @Parameter(property = "mcp.includeTags")
  List<String> includeTags = new ArrayList<>();

  /** Do not generate tools with any of these tags. */
  @Parameter(property = "mcp.excludeTags")
  List<String> excludeTags = new ArrayList<>();

  /** Generate only these operations (operationIds or tool names; empty: all). */
  @Parameter(property = "mcp.includeOperations")
  List<String> includeOperations = new ArrayList<>();

  /** Do not generate these operations (operationIds or tool names). */
  @Parameter(property = "mcp.excludeOperations")
  List<String> excludeOperations = new ArrayList<>();

  /**
   * Generate only these verb classes: {@code read} (get, list), {@code write} (create, update,
   * delete, other) or exact verbs; empty: all.
   */
  @Parameter(property = "mcp.methods")
  List<String> methods = new ArrayList<>();

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  ToolFilters filters() {
    return new ToolFilters(includeTags, excludeTags, includeOperations, excludeOperations, methods);
  }

  /**
   * The directory file names are shown relative to: the multi-module root (where {@code .mvn}
   * lives), so output does not depend on where Maven was started.
   */
  Path baseDirectory() {
    if (session != null && session.getRequest().getMultiModuleProjectDirectory() != null) {
      return session.getRequest().getMultiModuleProjectDirectory().toPath();
    }
    if (project != null && project.getBasedir() != null) {
      return project.getBasedir().toPath();
    }
    return Path.of("").toAbsolutePath();
  }

  /**
   * A directory parameter. Run without a pom, Maven leaves {@code ${project.build.directory}} in a
   * default unexpanded; such a path becomes {@code target/<name>} under the directory Maven was
   * started in.
   */
  Path directory(File configured, String fallbackUnderTarget) {
    if (!configured.getPath().contains("${")) {
      return configured.toPath();
    }
    String root = session != null ? session.getExecutionRootDirectory() : null;
    Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    return start.resolve("target").resolve(fallbackUnderTarget);
  }
}
