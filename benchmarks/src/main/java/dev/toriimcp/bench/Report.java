package dev.toriimcp.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Collects the run's sections as Markdown and writes results.md and latency.png. */
final class Report {
  private final Map<String, String> sections = new LinkedHashMap<>();
  private final Map<String, Map<Integer, Load.Result>> series = new LinkedHashMap<>();

  record GenerationRow(
      String spec,
      long sources,
      double[] whole,
      double[] warm,
      double[] warmDefault,
      boolean warmInMemory,
      String compiles,
      double[] peerWhole,
      String peerCompiles) {}

  record JmhRow(String benchmark, String tool, double microseconds, double error) {}

  void machine() {
    String cpu = "unknown";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (IOException e) {
      // not Linux
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    sections.put(
        "machine",
        String.format(
            Locale.ROOT,
            "## Machine%n%n- CPU: %s, %d cores available%n- memory: %.1f GB%n- Java: %s (%s)%n- OS: %s %s%n",
            cpu,
            Runtime.getRuntime().availableProcessors(),
            os.getTotalMemorySize() / 1e9,
            System.getProperty("java.vm.version"),
            System.getProperty("java.vm.name"),
            System.getProperty("os.name"),
            System.getProperty("os.version")));
  }

  void series(String name, Map<Integer, Load.Result> results) {
    series.put(name, results);
  }

  void note(String text) {
    sections.putIfAbsent("notes", "## Notes\n\n");
    sections.merge("notes", "- " + text + "\n", String::concat);
  }

  void serverTable(
      Map<Integer, Load.Result> direct,
      Runs.Served o,
      Runs.Served p,
      Runs.Starts stdio,
      Optional<AotJava.Starts> aot,
      Runs.Settings settings) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "## Serving `tools/call`%n%nEach level: %d s warm-up, %d s measured, closed loop (each client"
                + " calls again as soon as it has its answer), one keep-alive connection per client.%n%n",
            settings.warmup().toSeconds(),
            settings.duration().toSeconds()));
    sb.append(
        "| measure | direct | torii-mcp | openapi-mcp-generator | torii-mcp ÷ direct |"
            + " torii-mcp better than peer by | target | verdict |\n|---|---:|---:|---:|---:|---:|---|---|\n");
    Load.Result d1 = direct.get(1);
    Load.Result d16 = direct.get(16);
    Load.Result o1 = o.shared().get(1);
    Load.Result o16 = o.shared().get(16);
    Load.Result p1 = p == null ? null : p.shared().get(1);
    Load.Result p16 = p == null ? null : p.shared().get(16);
    double peerTput = p16 == null ? Double.NaN : p16.throughput();
    boolean tput = o16.throughput() >= 10 * peerTput && o16.throughput() >= 0.3 * d16.throughput();
    row(
        sb,
        "calls/s, 1 client",
        d1.throughput(),
        o1.throughput(),
        p1 == null ? Double.NaN : p1.throughput(),
        "%.0f",
        true,
        "",
        null);
    row(
        sb,
        "calls/s, 16 clients, one session",
        d16.throughput(),
        o16.throughput(),
        peerTput,
        "%.0f",
        true,
        "≥ 10× peer, ≥ 0.3× direct",
        tput);
    if (o.separate() != null) {
      double s = o.separate().throughput();
      Load.Result ps = p == null ? null : p.separate();
      row(
          sb,
          "calls/s, 16 clients, 16 sessions",
          d16.throughput(),
          s,
          ps == null ? Double.NaN : ps.throughput(),
          "%.0f",
          true,
          "≥ 10× peer, ≥ 0.3× direct",
          s >= 10 * peerTput && s >= 0.3 * d16.throughput());
    }
    row(
        sb,
        "p50 ms, 1 client",
        d1.p50(),
        o1.p50(),
        p1 == null ? Double.NaN : p1.p50(),
        "%.3f",
        false,
        "≤ 0.25 ms, ≤ 6× direct",
        o1.p50() <= 0.25 && o1.p50() <= 6 * d1.p50());
    row(
        sb,
        "p99 ms, 1 client",
        d1.p99(),
        o1.p99(),
        p1 == null ? Double.NaN : p1.p99(),
        "%.3f",
        false,
        "",
        null);
    row(
        sb,
        "p50 ms, 16 clients",
        d16.p50(),
        o16.p50(),
        p16 == null ? Double.NaN : p16.p50(),
        "%.3f",
        false,
        "",
        null);
    row(
        sb,
        "p99 ms, 16 clients",
        d16.p99(),
        o16.p99(),
        p16 == null ? Double.NaN : p16.p99(),
        "%.3f",
        false,
        "≤ 3 ms",
        o16.p99() <= 3);
    row(
        sb,
        "start to first tools/list, s (median)",
        Double.NaN,
        median(o.startSeconds()),
        p == null ? Double.NaN : median(p.startSeconds()),
        "%.3f",
        false,
        "≤ 0.35 s",
        median(o.startSeconds()) <= 0.35);
    row(
        sb,
        "start to first tools/list, CPU s (median)",
        Double.NaN,
        median(o.startCpuSeconds()),
        p == null ? Double.NaN : median(p.startCpuSeconds()),
        "%.2f",
        false,
        "",
        null);
    double stdioStart = median(stdio.seconds());
    row(
        sb,
        "the same over stdio (as Claude Desktop starts it), s (median)",
        Double.NaN,
        stdioStart,
        Double.NaN,
        "%.3f",
        false,
        "≤ 0.35 s",
        stdioStart <= 0.35);
    row(
        sb,
        "the same over stdio, CPU s (median)",
        Double.NaN,
        median(stdio.cpuSeconds()),
        Double.NaN,
        "%.2f",
        false,
        "",
        null);
    if (aot.isPresent()) {
      double aotStart = median(aot.get().starts().seconds());
      row(
          sb,
          "the same on Java " + aot.get().version() + " with an AOT cache, s (median)",
          Double.NaN,
          aotStart,
          p == null ? Double.NaN : median(p.startSeconds()),
          "%.3f",
          false,
          "≤ 0.35 s",
          aotStart <= 0.35);
      row(
          sb,
          "the same on Java " + aot.get().version() + " with an AOT cache, CPU s (median)",
          Double.NaN,
          median(aot.get().starts().cpuSeconds()),
          p == null ? Double.NaN : median(p.startCpuSeconds()),
          "%.2f",
          false,
          "",
          null);
    }
    row(
        sb,
        "server CPU per call, µs, 1 client",
        Double.NaN,
        o.cpuMicrosPerCall().get(1),
        p == null ? Double.NaN : p.cpuMicrosPerCall().get(1),
        "%.0f",
        false,
        "",
        null);
    row(
        sb,
        "server CPU per call, µs, 16 clients",
        Double.NaN,
        o.cpuMicrosPerCall().get(16),
        p == null ? Double.NaN : p.cpuMicrosPerCall().get(16),
        "%.0f",
        false,
        "",
        null);
    row(
        sb,
        "largest RSS under 16 clients, MB",
        Double.NaN,
        o.rss16Kb() / 1024.0,
        p == null ? Double.NaN : p.rss16Kb() / 1024.0,
        "%.0f",
        false,
        "≤ 150 MB",
        o.rss16Kb() / 1024.0 <= 150);
    row(
        sb,
        "peak RSS of the whole run (VmHWM), MB",
        Double.NaN,
        o.peakKb() / 1024.0,
        p == null ? Double.NaN : p.peakKb() / 1024.0,
        "%.0f",
        false,
        "",
        null);
    double peerBytes = p == null ? Double.NaN : p.toolsListBytes();
    row(
        sb,
        "tools/list, bytes",
        Double.NaN,
        o.toolsListBytes(),
        peerBytes,
        "%.0f",
        false,
        "≤ peer (54 KB) with output schemas and annotations",
        o.toolsListBytes() <= (Double.isNaN(peerBytes) ? 54_000 : peerBytes)
            && o.withOutputSchema() > 0
            && o.withAnnotations() == o.tools());
    sb.append(
        String.format(
            Locale.ROOT,
            "%ntools/list: torii-mcp lists %d tools, %d with an output schema, %d with annotations",
            o.tools(),
            o.withOutputSchema(),
            o.withAnnotations()));
    if (p != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "; the peer lists %d tools, %d with an output schema, %d with annotations",
              p.tools(),
              p.withOutputSchema(),
              p.withAnnotations()));
    }
    sb.append(".\n\n");
    if (p != null && p.separateFailure() != null) {
      sb.append("The peer with 16 sessions: ").append(p.separateFailure()).append("\n\n");
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "Start times (s), fresh processes, sorted: torii-mcp %s",
            fmt(o.startSeconds())));
    sb.append(String.format(Locale.ROOT, "; torii-mcp over stdio %s", fmt(stdio.seconds())));
    if (p != null) {
      sb.append(String.format(Locale.ROOT, "; openapi-mcp-generator %s", fmt(p.startSeconds())));
    }
    aot.ifPresent(
        a ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    "; torii-mcp on Java %s with `%s` %s",
                    a.version(),
                    String.join(" ", a.flags()),
                    fmt(a.starts().seconds()))));
    sb.append(".\n\n");
    if (!o.soakKb().isEmpty()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "Long run, torii-mcp with 16 sessions for %d s: RSS every %d s, MB: %s.%n%n",
              settings.soak().toSeconds(),
              Math.max(1, settings.soak().toSeconds() / 12),
              o.soakKb().stream()
                  .map(k -> Long.toString(k / 1024))
                  .collect(Collectors.joining(", "))));
    }
    sb.append("### Every concurrency level (calls/s, p50 ms, p99 ms)\n\n| series |");
    for (int n : Runs.LEVELS) {
      sb.append(' ').append(n).append(n == 1 ? " client |" : " clients |");
    }
    sb.append("\n|---|");
    for (int n : Runs.LEVELS) {
      sb.append("---|");
    }
    sb.append('\n');
    series.forEach(
        (name, results) -> {
          sb.append("| ").append(name).append(" |");
          for (int n : Runs.LEVELS) {
            Load.Result r = results.get(n);
            sb.append(
                r == null
                    ? " |"
                    : String.format(
                        Locale.ROOT, " %.0f, %.3f, %.3f |", r.throughput(), r.p50(), r.p99()));
          }
          sb.append('\n');
        });
    long failures =
        series.values().stream()
            .flatMap(m -> m.values().stream())
            .mapToLong(Load.Result::failures)
            .sum();
    sb.append(String.format(Locale.ROOT, "%nFailed calls in all series: %d.%n", failures));
    sections.put("server", sb.toString());
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }

  private static String fmt(double[] values) {
    return java.util.Arrays.stream(values)
        .mapToObj(v -> String.format(Locale.ROOT, "%.3f", v))
        .collect(Collectors.joining(", "));
  }

  private static void row(
      StringBuilder sb,
      String measure,
      double direct,
      double ours,
      double peer,
      String format,
      boolean higherIsBetter,
      String target,
      Boolean met) {
    sb.append("| ").append(measure).append(" | ");
    sb.append(num(format, direct)).append(" | ").append(num(format, ours)).append(" | ");
    sb.append(num(format, peer)).append(" | ");
    sb.append(ratio(ours, direct)).append(" | ");
    sb.append(higherIsBetter ? ratio(ours, peer) : ratio(peer, ours)).append(" | ");
    sb.append(target).append(" | ").append(met == null ? "" : met ? "met" : "**missed**");
    sb.append(" |\n");
  }

  private static String num(String format, double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0
        ? "–"
        : String.format(Locale.ROOT, "%.2f×", a / b);
  }

  void generation(List<GenerationRow> rows) {
    StringBuilder sb = new StringBuilder("## Generation\n\n");
    sb.append(
        "Whole process: a fresh JVM (`java -cp benchmarks.jar … generate`, the generator without"
            + " Maven) or a fresh `node openapi-mcp-generator.js`, from start to exit, median of 3."
            + " Warm: in one JVM (`benchmarks.jar warm`) after "
            + Generation.WARM_UP
            + " unmeasured runs, median of "
            + Generation.WARM_RUNS
            + ", each"
            + " into a new empty directory; first with `"
            + String.join(" ", Generation.WARM_FLAGS)
            + "`"
            + (rows.stream().allMatch(GenerationRow::warmInMemory)
                ? " and the output on a memory file system (/dev/shm)"
                : "")
            + ", then with the JVM's default flags and the output on disk.\n\n");
    sb.append(
        "| description | torii-mcp whole process, s | torii-mcp warm in-process, s |"
            + " … default JVM flags, on disk, s |"
            + " openapi-mcp-generator whole process, s | peer ÷ torii-mcp (whole process) |"
            + " torii-mcp output | peer output |\n|---|---:|---:|---:|---:|---:|---|---|\n");
    for (GenerationRow r : rows) {
      double peer = r.peerWhole() == null ? Double.NaN : r.peerWhole()[1];
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s (%d Java sources) | %.2f | %.3f | %.3f | %s | %s | %s | %s |%n",
              r.spec(),
              r.sources(),
              r.whole()[1],
              r.warm()[r.warm().length / 2],
              r.warmDefault()[r.warmDefault().length / 2],
              num("%.2f", peer),
              ratio(peer, r.whole()[1]),
              r.compiles(),
              r.peerCompiles().replace("|", "\\|")));
    }
    sections.put("generation", sb.toString());
  }

  void jmh(List<JmhRow> rows) {
    StringBuilder sb = new StringBuilder("## Hot paths (JMH, average time per operation)\n\n");
    sb.append("| benchmark | tool | µs/op |\n|---|---|---:|\n");
    for (JmhRow r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.2f ± %.2f |%n",
              r.benchmark(),
              r.tool(),
              r.microseconds(),
              r.error()));
    }
    sections.put("jmh", sb.toString());
  }

  void write(Path dir) throws IOException {
    String md = "# Benchmark results\n\n" + String.join("\n", sections.values());
    Files.writeString(dir.resolve("results.md"), md, StandardCharsets.UTF_8);
    if (!series.isEmpty()) {
      Map<String, Map<Integer, double[]>> points = new LinkedHashMap<>();
      series.forEach(
          (name, levels) -> {
            Map<Integer, double[]> m = new LinkedHashMap<>();
            levels.forEach((n, r) -> m.put(n, new double[] {r.p50(), r.p99()}));
            points.put(name, m);
          });
      Plot.latency(points, dir.resolve("latency.png"));
    }
    System.out.println("\n" + md + "\nwritten to " + dir);
  }
}
