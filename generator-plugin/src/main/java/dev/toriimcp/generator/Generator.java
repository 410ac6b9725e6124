package dev.toriimcp.generator;

import dev.toriimcp.generator.emit.CatalogEmitter;
import dev.toriimcp.generator.emit.GeneratedFile;
import dev.toriimcp.generator.emit.JavaEmitter;
import dev.toriimcp.generator.emit.SchemaEmitter;
import dev.toriimcp.generator.load.ModelBuilder;
import dev.toriimcp.generator.load.SpecLoader;
import dev.toriimcp.generator.model.ToolFilters;
import dev.toriimcp.generator.model.ToolModel;
import dev.toriimcp.generator.model.ToolSet;
import dev.toriimcp.generator.problem.GenerationException;
import dev.toriimcp.generator.problem.Problem;
import dev.toriimcp.generator.problem.Problems;
import dev.toriimcp.generator.problem.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The generation pipeline: load (description + overlays) → model → emit → write. Usable without
 * Maven; the Mojo only turns parameters into a {@link GenerationRequest}.
 */
public final class Generator {
  /** The name generated headers give as the producer. */
  public static final String PRODUCER = "torii-mcp-maven-plugin";

  private static final String SERVICE_FILE = "META-INF/services/dev.toriimcp.runtime.ToolRegistry";

  private Generator() {}

  /**
   * Builds the model only: what {@code diff} and tests need.
   *
   * @throws GenerationException listing every error found
   */
  public static ToolSet model(GenerationRequest request, Problems problems)
      throws GenerationException {
    return build(request, load(request, problems), problems);
  }

  private static SpecLoader.Loaded load(GenerationRequest request, Problems problems)
      throws GenerationException {
    SpecLoader.Loaded loaded = read(request, problems);
    SpecLoader.check(loaded.document(), problems);
    return loaded;
  }

  /** The description with its overlays applied, not yet checked by Swagger Parser. */
  private static SpecLoader.Loaded read(GenerationRequest request, Problems problems)
      throws GenerationException {
    List<SpecLoader.Named> overlays = new ArrayList<>();
    for (Path o : request.overlays()) {
      overlays.add(new SpecLoader.Named(o, display(request.baseDirectory(), o)));
    }
    Optional<SpecLoader.Loaded> loaded =
        SpecLoader.read(
            request.spec(), display(request.baseDirectory(), request.spec()), overlays, problems);
    if (loaded.isEmpty()) {
      throw new GenerationException(problems.sorted());
    }
    return loaded.get();
  }

  private static ToolSet build(
      GenerationRequest request, SpecLoader.Loaded loaded, Problems problems)
      throws GenerationException {
    // Overlay problems do not stop the model: every problem is reported in one run.
    ToolSet set = ModelBuilder.build(loaded, options(request), problems);
    return checked(request, loaded, set, problems);
  }

  private static ModelBuilder.Options options(GenerationRequest request) {
    return new ModelBuilder.Options(
        request.toolPrefix(), request.autoPagination(), request.maxSchemaBytes());
  }

  private static ToolSet checked(
      GenerationRequest request, SpecLoader.Loaded loaded, ToolSet set, Problems problems)
      throws GenerationException {
    if (problems.hasErrors()) {
      throw new GenerationException(problems.sorted());
    }
    return filter(set, request.filters(), problems, loaded);
  }

  private static ToolSet filter(
      ToolSet set, ToolFilters filters, Problems problems, SpecLoader.Loaded loaded)
      throws GenerationException {
    if (filters.isEmpty()) {
      return set;
    }
    SourceLocation where = SourceLocation.of(loaded.document().file());
    for (String m : filters.unknownMethods()) {
      problems.error(
          "TORII-FILTER-001",
          "unknown method filter '"
              + m
              + "'; use read, write, get, list, create, update, delete or other",
          where);
    }
    java.util.Set<String> tags = new java.util.TreeSet<>();
    java.util.Set<String> names = new java.util.TreeSet<>();
    set.tools()
        .forEach(
            t -> {
              tags.addAll(t.tags());
              names.add(t.name());
              names.add(t.operationId());
            });
    for (String t : concat(filters.includeTags(), filters.excludeTags())) {
      if (!tags.contains(t)) {
        problems.warning("TORII-FILTER-W01", "no tool has the tag '" + t + "'", where);
      }
    }
    for (String o : concat(filters.includeOperations(), filters.excludeOperations())) {
      if (!names.contains(o)) {
        problems.warning("TORII-FILTER-W02", "no tool or operationId is named '" + o + "'", where);
      }
    }
    List<ToolModel> kept = set.tools().stream().filter(filters::keeps).toList();
    if (kept.isEmpty()) {
      problems.error("TORII-FILTER-002", "the filters leave no tool to generate", where);
    }
    if (problems.hasErrors()) {
      throw new GenerationException(problems.sorted());
    }
    return new ToolSet(set.title(), set.source(), kept);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Every file the request generates, in a stable order, without touching the disk. */
  public static List<GeneratedFile> emit(GenerationRequest request, ToolSet set)
      throws IOException {
    return emit(request, set, template(request));
  }

  /**
   * The tools' classes and schemas are emitted in parallel, the catalog beside them; the files come
   * out in the same order, with the same bytes, whatever the threads.
   */
  private static List<GeneratedFile> emit(GenerationRequest request, ToolSet set, String template)
      throws IOException {
    String header = header(set);
    JavaEmitter java =
        new JavaEmitter(set, request.packageName(), request.registryClassName(), header);
    Future<List<GeneratedFile>> catalog =
        Parallel.background("catalog", () -> CatalogEmitter.files(set, header, template));
    List<List<GeneratedFile>> perTool =
        Parallel.map(
            set.tools(),
            tool -> {
              List<GeneratedFile> out = new ArrayList<>();
              out.add(source(java.tool(tool), request.packageName(), java.className(tool)));
              out.addAll(SchemaEmitter.files(tool, java, header));
              return out;
            });
    List<GeneratedFile> files = new ArrayList<>();
    perTool.forEach(files::addAll);
    files.add(source(java.registry(set), request.packageName(), request.registryClassName()));
    files.add(
        GeneratedFile.text(
            GeneratedFile.Root.SOURCES,
            SERVICE_FILE,
            "# "
                + header
                + "\n"
                + request.packageName()
                + "."
                + request.registryClassName()
                + "\n"));
    files.addAll(Parallel.join(catalog));
    return files;
  }

  /**
   * Runs the whole pipeline and writes the output.
   *
   * @throws GenerationException when the inputs have errors (nothing is written)
   * @throws CatalogOutOfDateException when the checked-in catalog differs and may not be updated
   */
  public static GenerationResult generate(GenerationRequest request)
      throws GenerationException, CatalogOutOfDateException, IOException {
    Problems problems = new Problems();
    SpecLoader.Loaded loaded = read(request, problems);
    // Swagger Parser's check and the input fingerprint only read the tree: they run beside the
    // model building, and their results are taken in the order a sequential run has them.
    Future<Problems> swagger =
        Parallel.background(
            "check",
            () -> {
              Problems found = new Problems();
              SpecLoader.check(loaded.document(), found);
              return found;
            });
    Future<String[]> inputs =
        Parallel.background(
            "fingerprint",
            () -> {
              String t = template(request);
              return new String[] {t, Fingerprint.of(request, loaded.document().root(), t)};
            });
    Problems modelProblems = new Problems();
    ToolSet built = ModelBuilder.build(loaded, options(request), modelProblems);
    problems.addAll(Parallel.join(swagger));
    problems.addAll(modelProblems);
    ToolSet set = checked(request, loaded, built, problems);
    String[] templateAndFingerprint = Parallel.join(inputs);
    String template = templateAndFingerprint[0];
    String fingerprint = templateAndFingerprint[1];
    List<GeneratedFile> files;
    int written;
    if (OutputWriter.upToDate(request.outputDirectory(), fingerprint)) {
      files = OutputWriter.readCatalog(request.outputDirectory());
      written = 0;
    } else {
      files = emit(request, set, template);
      written = OutputWriter.write(request.outputDirectory(), files, fingerprint);
    }
    if (request.catalogDirectory().isPresent()) {
      written += checkCatalog(request, files);
    }
    return new GenerationResult(set, files, problems.warnings(), written, summary(set, problems));
  }

  private static int checkCatalog(GenerationRequest request, List<GeneratedFile> files)
      throws IOException, CatalogOutOfDateException {
    Path dir = request.catalogDirectory().get();
    List<String> stale = new ArrayList<>();
    int written = 0;
    for (GeneratedFile f : files) {
      if (f.root() != GeneratedFile.Root.CATALOG) {
        continue;
      }
      Path target = dir.resolve(f.path());
      String current =
          Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
      if (f.text().equals(current)) {
        continue;
      }
      if (request.updateCatalog()) {
        Files.createDirectories(dir);
        f.writeTo(target);
        written++;
      } else {
        stale.add(display(request.baseDirectory(), target) + describeChange(current, f.text()));
      }
    }
    if (!stale.isEmpty()) {
      throw new CatalogOutOfDateException(
          "[TORII-CATALOG-001] the checked-in tool catalog does not match the API description and"
              + " overlays:\n  "
              + String.join("\n  ", stale)
              + "\nRefresh it with `./mvnw -q generate-sources -Dmcp.updateCatalog=true`, review the"
              + " diff and commit it.");
    }
    return written;
  }

  private static String describeChange(String current, String generated) {
    if (current == null) {
      return " is missing";
    }
    String[] a = current.split("\n", -1);
    String[] b = generated.split("\n", -1);
    int i = 0;
    while (i < a.length && i < b.length && a[i].equals(b[i])) {
      i++;
    }
    return " differs from line " + (i + 1);
  }

  /** The one-line summary ending the build log. */
  static String summary(ToolSet set, Problems problems) {
    long read = set.tools().stream().filter(ToolModel::readOnly).count();
    Map<String, Long> tags = new TreeMap<>();
    set.tools().forEach(t -> t.tags().forEach(tag -> tags.merge(tag, 1L, Long::sum)));
    return "Generated "
        + set.tools().size()
        + " MCP tools from "
        + set.source()
        + " ("
        + read
        + " read, "
        + (set.tools().size() - read)
        + " write; tags: "
        + (tags.isEmpty()
            ? "none"
            : tags.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")))
        + "), "
        + problems.warnings().size()
        + (problems.warnings().size() == 1 ? " warning" : " warnings");
  }

  static String header(ToolSet set) {
    return "Generated by " + PRODUCER + " from " + set.source() + " - do not edit";
  }

  private static GeneratedFile source(String code, String pkg, String simpleName) {
    return GeneratedFile.text(
        GeneratedFile.Root.SOURCES, pkg.replace('.', '/') + "/" + simpleName + ".java", code);
  }

  private static String template(GenerationRequest request) throws IOException {
    if (request.templateDirectory().isPresent()) {
      Path t = request.templateDirectory().get().resolve(CatalogEmitter.TEMPLATE);
      if (Files.exists(t)) {
        return Files.readString(t, StandardCharsets.UTF_8);
      }
    }
    try (InputStream in =
        Generator.class.getResourceAsStream("templates/" + CatalogEmitter.TEMPLATE)) {
      if (in == null) {
        throw new IOException("built-in template " + CatalogEmitter.TEMPLATE + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A file's name relative to the base directory, with {@code /}; never absolute. */
  public static String display(Path base, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path b = base.toAbsolutePath().normalize();
    Path shown = abs.startsWith(b) ? b.relativize(abs) : abs.getFileName();
    return shown.toString().replace('\\', '/');
  }

  /** Warnings rendered one per line. */
  public static List<String> render(List<Problem> problems) {
    return problems.stream().map(Problem::render).toList();
  }
}
