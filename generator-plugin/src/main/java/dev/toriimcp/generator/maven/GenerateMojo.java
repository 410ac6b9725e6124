package dev.toriimcp.generator.maven;

import dev.toriimcp.generator.CatalogOutOfDateException;
import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.GenerationResult;
import dev.toriimcp.generator.Generator;
import dev.toriimcp.generator.problem.GenerationException;
import dev.toriimcp.generator.problem.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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
public final class GenerateMojo extends AbstractToriiMcpMojo {

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
      String out = outputDirectory().toAbsolutePath().toString();
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

  private Path outputDirectory() {
    return directory(outputDirectory, "generated-sources/torii-mcp");
  }

  private GenerationRequest request() {
    Path base = baseDirectory();
    return new GenerationRequest(
        base,
        spec.toPath(),
        overlays.stream().map(File::toPath).toList(),
        outputDirectory(),
        packageName,
        registryClassName,
        toolPrefix,
        autoPagination,
        maxSchemaBytes,
        filters(),
        java.util.Optional.ofNullable(catalogDirectory).map(File::toPath),
        updateCatalog,
        java.util.Optional.ofNullable(templateDirectory).map(File::toPath));
  }
}
