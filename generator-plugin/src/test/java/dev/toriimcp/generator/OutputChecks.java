package dev.toriimcp.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Checks shared by generator tests: generated Java compiles, generated schemas are valid. */
public final class OutputChecks {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema META =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

  private OutputChecks() {}

  /** Compiles every .java file under {@code sources} into {@code classes}; fails on any error. */
  public static void compile(Path sources, Path classes) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(sources)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertTrue(!files.isEmpty(), "no Java sources under " + sources);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Files.createDirectories(classes);
    try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, null, null)) {
      List<String> options =
          List.of(
              "-d",
              classes.toString(),
              "-classpath",
              System.getProperty("java.class.path"),
              "--release",
              "17",
              "-Xlint:all",
              "-Xlint:-processing",
              "-Werror");
      StringWriter out = new StringWriter();
      boolean ok =
          compiler
              .getTask(out, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
              .call();
      if (!ok) {
        StringBuilder sb = new StringBuilder("generated sources do not compile:\n");
        diagnostics.getDiagnostics().stream()
            .limit(20)
            .forEach(d -> sb.append(d.toString()).append('\n'));
        fail(sb.toString() + out);
      }
    }
  }

  /**
   * Every schema file under {@code root} is valid JSON Schema 2020-12, has an object root, and
   * every {@code $ref} resolves inside the document.
   *
   * @return how many schema files were checked
   */
  public static int checkSchemas(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(
                  p ->
                      p.toString().endsWith(".input.json") || p.toString().endsWith(".output.json"))
              .sorted()
              .toList();
    }
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      JsonNode schema = MAPPER.readTree(f.toFile());
      Set<ValidationMessage> errors = META.validate(schema);
      errors.forEach(e -> problems.add(root.relativize(f) + ": " + e.getMessage()));
      if (!schema.path("type").asText().equals("object")) {
        problems.add(root.relativize(f) + ": root type is not object");
      }
      checkRefs(schema, schema, root.relativize(f).toString(), problems);
    }
    assertEquals(List.of(), problems, "schema problems");
    return files.size();
  }

  private static void checkRefs(JsonNode doc, JsonNode node, String file, List<String> problems) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        String r = ref.asText();
        if (!r.startsWith("#") || doc.at(r.substring(1)).isMissingNode()) {
          problems.add(file + ": $ref " + r + " does not resolve inside the document");
        }
      }
      node.fields().forEachRemaining(e -> checkRefs(doc, e.getValue(), file, problems));
    } else if (node.isArray()) {
      node.forEach(n -> checkRefs(doc, n, file, problems));
    }
  }
}
