package dev.toriimcp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar all}: every comparison of docs/BENCHMARKS.md in
 * one run, written to {@code benchmarks/target/results/} (results.md, latency.png).
 *
 * <p>Commands: {@code all [--duration S] [--warmup S] [--soak S] [--starts N] [--no-peer]
 * [--no-jmh] [--no-generation] [--server-flags "-X..."] [--aot-java PATH] [--no-aot]}, {@code
 * load}, {@code generation} and {@code jmh} (parts of {@code all}, same options), {@code generate
 * <spec> <out> <prefix> [overlay...]} (the process the generation benchmark times), {@code warm
 * <spec> <dir> <prefix> <warm-up runs> <runs> [overlay...]} (the JVM the warm figures come from)
 * and {@code plot <results.md> <out.png>} (draws the plot again from a results file).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "help" : args[0];
    if (command.equals("generate")) {
      List<Path> overlays = Arrays.stream(args).skip(4).map(Path::of).toList();
      Generation.main(
          new Generation.Input("cli", Path.of(args[1]), overlays, args[3]), Path.of(args[2]));
      return;
    }
    if (command.equals("warm")) {
      List<Path> overlays = Arrays.stream(args).skip(6).map(Path::of).toList();
      Generation.warmMain(
          new Generation.Input("cli", Path.of(args[1]), overlays, args[3]),
          Path.of(args[2]),
          Integer.parseInt(args[4]),
          Integer.parseInt(args[5]));
      return;
    }
    if (command.equals("plot")) {
      Plot.fromResults(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    Map<String, String> options =
        options(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
    Runs.Settings settings = Runs.Settings.from(options);
    Runs runs = new Runs(Bench.repo(), settings);
    switch (command) {
      case "all" -> runs.all();
      case "load" -> runs.load();
      case "generation" -> runs.generation();
      case "jmh" -> runs.jmh();
      default -> {
        System.out.println(
            "usage: java -jar benchmarks/target/benchmarks.jar all|load|generation|jmh"
                + " | plot <results.md> <out.png>"
                + " [--duration S] [--warmup S] [--soak S] [--starts N] [--no-peer] [--no-jmh]"
                + " [--no-generation]"
                + " [--server-flags \"-X...\"] [--aot-java PATH] [--no-aot]");
        return;
      }
    }
    System.exit(0);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(List.of(args));
    for (int i = 0; i < rest.size(); i++) {
      String a = rest.get(i);
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      if (a.startsWith("--no-")) {
        out.put(a.substring(5), "true");
      } else {
        out.put(a.substring(2), rest.get(++i));
      }
    }
    return out;
  }

  static Path results(Path repo) throws java.io.IOException {
    return Files.createDirectories(repo.resolve("benchmarks/target/results"));
  }
}
