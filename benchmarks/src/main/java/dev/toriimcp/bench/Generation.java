package dev.toriimcp.bench;

import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.Generator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Our generator: in-process (warm) and as a whole process, and whether its output compiles. */
final class Generation {
  private Generation() {}

  /** What the generator is given: a description, its overlays, the tool-name word. */
  record Input(String name, Path spec, List<Path> overlays, String prefix) {
    GenerationRequest request(Path out) {
      return GenerationRequest.of(spec.getParent(), spec, overlays, out)
          .withPackage("bench.tools", "BenchTools")
          .withToolPrefix(prefix);
    }
  }

  /** The body of {@code benchmarks.jar generate}: one generation, then the JVM exits. */
  static void main(Input input, Path out) throws Exception {
    Generator.generate(input.request(out));
  }

  /** Wall time of {@code java -cp benchmarks.jar … generate}, process start to exit. */
  static double wholeProcess(Input input, Path out) throws IOException, InterruptedException {
    Bench.deleteTree(out);
    List<String> command =
        new ArrayList<>(
            List.of(
                Subject.javaBin(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "generate",
                input.spec().toString(),
                out.toString(),
                input.prefix()));
    input.overlays().forEach(o -> command.add(o.toString()));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("generation failed: " + String.join(" ", command));
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Seconds of each in-process generation after {@code warmup} unmeasured ones, sorted. */
  static double[] inProcess(Input input, Path work, int warmup, int runs) throws Exception {
    double[] times = new double[runs];
    for (int i = -warmup; i < runs; i++) {
      Path out = work.resolve("in-process-" + input.name());
      Bench.deleteTree(out);
      long t0 = System.nanoTime();
      Generator.generate(input.request(out));
      if (i >= 0) {
        times[i] = (System.nanoTime() - t0) / 1e9;
      }
    }
    Arrays.sort(times);
    return times;
  }

  /**
   * Compiles generated sources against the tool runtime.
   *
   * @return null when they compile, else the first errors
   */
  static String compile(Path sources, Path classes) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(sources)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
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
              "-proc:none");
      boolean ok =
          compiler
              .getTask(
                  new StringWriter(),
                  fm,
                  diagnostics,
                  options,
                  null,
                  fm.getJavaFileObjectsFromPaths(files))
              .call();
      if (ok) {
        return null;
      }
      return diagnostics.getDiagnostics().size()
          + " diagnostics, first: "
          + diagnostics.getDiagnostics().get(0);
    }
  }

  /** How many Java sources a generation wrote. */
  static long sources(Path out) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(p -> p.toString().endsWith(".java")).count();
    }
  }
}
