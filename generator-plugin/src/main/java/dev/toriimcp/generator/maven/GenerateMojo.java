package dev.toriimcp.generator.maven;

import dev.toriimcp.generator.CatalogOutOfDateException;
import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.GenerationResult;
import dev.toriimcp.generator.Generator;
import dev.toriimcp.generator.model.ToolFilters;
import dev.toriimcp.generator.problem.GenerationException;
import dev.toriimcp.generator.problem.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates one typed MCP tool class per operation of an OpenAPI 3.0 or 3.1 description (after
 * applying OpenAPI Overlay 1.0 files), with input/output JSON Schemas, a tool registry and a tool
 * catalog. Works without a pom: {@code mvn dev.toriimcp:torii-mcp-maven-plugin:<version>:generate
 * -Dmcp.spec=api.yaml -Dmcp.outputDirectory=out}.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_SOURCES,
    threadSafe = true,
    requiresProject = false)
public final class GenerateMojo extends AbstractMojo {

  /** The OpenAPI 3.0 or 3.1 description (YAML or JSON). */
  @Parameter(property = "mcp.spec", defaultValue = "${basedir}/openapi.yaml", required = true)
  private File spec;

  /** Overlay files, applied in order (comma-separated on the command line). */
  @Parameter(property = "mcp.overlays")
  private List<File> overlays = new ArrayList<>();

  /** Where Java sources and schema resources are written; added as a source and resource root. */
  @Parameter(
      property = "mcp.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/torii-mcp")
  private File outputDirectory;

  /** Package of the generated classes. */
  @Parameter(property = "mcp.packageName", defaultValue = "generated.mcp.tools")
  private String packageName;

  /** Simple name of the generated {@code ToolRegistry} class. */
  @Parameter(property = "mcp.registryClassName", defaultValue = "GeneratedTools")
  private String registryClassName;

  /** The word in derived tool names, e.g. {@code torii} in {@code list_all_torii_users}. */
  @Parameter(property = "mcp.toolPrefix", defaultValue = "")
  private String toolPrefix;

  /** Detect cursor pagination on operations without {@code x-mcp-pagination}. */
  @Parameter(property = "mcp.autoPagination", defaultValue = "true")
  private boolean autoPagination;

  /**
   * Size budget of one tool's input or output schema, in bytes of compact JSON. Larger schemas lose
   * their deepest definitions (with a warning) so that {@code tools/list} stays usable.
   */
  @Parameter(property = "mcp.maxSchemaBytes", defaultValue = "32768")
  private int maxSchemaBytes;

  /** Generate only tools with at least one of these tags (comma-separated; empty: all). */
  @Parameter(property = "mcp.includeTags")
  private List<String> includeTags = new ArrayList<>();

  /** Do not generate tools with any of these tags. */
  @Parameter(property = "mcp.excludeTags")
  private List<String> excludeTags = new ArrayList<>();

  /** Generate only these operations (operationIds or tool names; empty: all). */
  @Parameter(property = "mcp.includeOperations")
  private List<String> includeOperations = new ArrayList<>();

  /** Do not generate these operations (operationIds or tool names). */
  @Parameter(property = "mcp.excludeOperations")
  private List<String> excludeOperations = new ArrayList<>();

  /**
   * Generate only these verb classes: {@code read} (get, list), {@code write} (create, update,
   * delete, other) or exact verbs; empty: all.
   */
  @Parameter(property = "mcp.methods")
  private List<String> methods = new ArrayList<>();

  /**
   * Directory of the checked-in tool catalog ({@code TOOLS.md}, {@code tools.json}). When set, the
   * build fails if the catalog differs from what the inputs generate.
   */
  @Parameter(property = "mcp.catalogDirectory")
  private File catalogDirectory;

  /** Write the catalog into {@code catalogDirectory} instead of failing when it differs. */
  @Parameter(property = "mcp.updateCatalog", defaultValue = "false")
  private boolean updateCatalog;

  /** Directory with templates ({@code TOOLS.md.mustache}) that replace the built-in ones. */
  @Parameter(property = "mcp.templateDirectory")
  private File templateDirectory;

  /** Skip generation. */
  @Parameter(property = "mcp.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("torii-mcp: generation skipped (mcp.skip)");
      return;
    }
    GenerationRequest request = request();
    GenerationResult result;
    try {
      result = Generator.generate(request);
    } catch (GenerationException e) {
      for (Problem p : e.problems()) {
        if (p.severity() == Problem.Severity.ERROR) {
          getLog().error(p.render());
        } else {
          getLog().warn(p.render());
        }
      }
      throw new MojoFailureException(e.getMessage());
    } catch (CatalogOutOfDateException e) {
      getLog().error(e.getMessage());
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "torii-mcp: cannot write generated files: " + e.getMessage(), e);
    }
    result.warnings().forEach(w -> getLog().warn(w.render()));
    if (project != null && project.getFile() != null) {
      String out = outputDirectory.getAbsolutePath();
      project.addCompileSourceRoot(out);
      Resource resource = new Resource();
      resource.setDirectory(out);
      resource.addExclude("**/*.java");
      resource.addExclude("**/*.md");
      resource.addExclude(".torii-mcp-manifest");
      project.addResource(resource);
    }
    getLog().info("torii-mcp: " + result.summary() + "; " + result.written() + " files changed");
  }

  private GenerationRequest request() {
    Path base = baseDirectory();
    return new GenerationRequest(
        base,
        spec.toPath(),
        overlays.stream().map(File::toPath).toList(),
        outputDirectory.toPath(),
        packageName,
        registryClassName,
        toolPrefix,
        autoPagination,
        maxSchemaBytes,
        new ToolFilters(includeTags, excludeTags, includeOperations, excludeOperations, methods),
        java.util.Optional.ofNullable(catalogDirectory).map(File::toPath),
        updateCatalog,
        java.util.Optional.ofNullable(templateDirectory).map(File::toPath));
  }

  /**
   * The directory file names are shown relative to: the multi-module root (where {@code .mvn}
   * lives), so output does not depend on where Maven was started.
   */
  private Path baseDirectory() {
    if (session != null && session.getRequest().getMultiModuleProjectDirectory() != null) {
      return session.getRequest().getMultiModuleProjectDirectory().toPath();
    }
    if (project != null && project.getBasedir() != null) {
      return project.getBasedir().toPath();
    }
    return Path.of("").toAbsolutePath();
  }
}
