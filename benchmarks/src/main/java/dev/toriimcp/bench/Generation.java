package dev.toriimcp.bench;

import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.Generator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
    List<String> command = command(input, List.of(), "generate", out.toString(), input.prefix());
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("generation failed: " + String.join(" ", command));
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * The JVM flags of the warm measurement's first form: the parallel collector. With the default
   * collector (G1, with a heap sized for the whole machine) young collections during a GitHub-sized
   * generation took 150–490 ms each on two cores; the parallel collector is the one to give Maven
   * for large descriptions (README, "Generating from large descriptions").
   */
  static final List<String> WARM_FLAGS = List.of("-XX:+UseParallelGC");

  /**
   * Unmeasured runs before the measured ones: on two cores the JIT compilers were still busy with
   * GitHub's description after five.
   */
  static final int WARM_UP = 10;

  static final int WARM_RUNS = 5;

  /**
   * Seconds of each in-process generation after {@link #WARM_UP} unmeasured ones, sorted, measured
   * in a fresh JVM with {@code flags}; each run writes into a new empty directory under {@code
   * dir}, and the directories are deleted only after the last run (deleting files on this disk
   * slows the writes that follow).
   */
  static double[] warm(Input input, Path dir, List<String> flags)
      throws IOException, InterruptedException {
    Bench.deleteTree(dir);
    List<String> command =
        command(
            input,
            flags,
            "warm",
            dir.toString(),
            input.prefix(),
            String.valueOf(WARM_UP),
            String.valueOf(WARM_RUNS));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("warm generation failed: " + String.join(" ", command) + "\n" + out);
    }
    Bench.deleteTree(dir);
    String line =
        out.lines()
            .filter(l -> l.startsWith("warm:"))
            .findFirst()
            .orElseThrow(() -> new IOException("no timings from: " + out));
    return Arrays.stream(line.substring("warm:".length()).trim().split(" "))
        .mapToDouble(Double::parseDouble)
        .sorted()
        .toArray();
  }

  /**
   * {@code java <flags> -cp <this class path> Main <command> <spec> <arguments…> <overlays…>}: a
   * fresh JVM running one of {@link Main}'s generation commands.
   */
  private static List<String> command(
      Input input, List<String> flags, String command, String... arguments) {
    List<String> out = new ArrayList<>();
    out.add(Subject.javaBin());
    out.addAll(flags);
    out.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            command,
            input.spec().toString()));
    out.addAll(List.of(arguments));
    input.overlays().forEach(o -> out.add(o.toString()));
    return out;
  }

  /** The body of {@code benchmarks.jar warm}: prints {@code warm: s1 s2 …}. */
  static void warmMain(Input input, Path dir, int warmup, int runs) throws Exception {
    StringBuilder line = new StringBuilder("warm:");
    for (int i = -warmup; i < runs; i++) {
      Path out = dir.resolve("run" + (i + warmup));
      long t0 = System.nanoTime();
      Generator.generate(input.request(out));
      if (i >= 0) {
        line.append(' ').append((System.nanoTime() - t0) / 1e9);
      }
    }
    System.out.println(line);
  }

  /**
   * A directory on a memory file system for the warm runs' output (ten runs of GitHub's output take
   * about 420 MB), when this machine has one with room; else {@code fallback}.
   */
  static Path memoryDirectory(Path fallback) throws IOException {
    Path shm = Path.of("/dev/shm");
    return Files.isDirectory(shm)
            && Files.isWritable(shm)
            && Files.getFileStore(shm).getUsableSpace() > 2L << 30
        ? shm.resolve("torii-mcp-bench-" + ProcessHandle.current().pid())
        : fallback;
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
