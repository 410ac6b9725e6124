package dev.toriimcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The measurements, each adding its section to the report. */
final class Runs {
  static final int[] LEVELS = {1, 2, 4, 8, 16};

  /**
   * How README.md recommends running the server where start time and memory matter: class-data
   * sharing, the serial collector, a bounded heap, and native memory the JIT compilers freed given
   * back to the system every 5 s. {@code --server-flags ""} measures plain {@code java -jar}.
   */
  static final String RECOMMENDED_FLAGS =
      "-XX:SharedArchiveFile=benchmarks/target/torii-mcp.jsa -XX:+UseSerialGC -Xmx64m"
          + " -XX:ReservedCodeCacheSize=32m -Xss512k -XX:TrimNativeHeapInterval=5000";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Options of a run. */
  record Settings(
      Duration duration,
      Duration warmup,
      Duration soak,
      boolean peer,
      boolean jmh,
      boolean generation,
      int starts,
      List<String> serverFlags,
      Optional<Path> aotJava) {
    static Settings from(Map<String, String> o) {
      String flags = o.getOrDefault("server-flags", RECOMMENDED_FLAGS).trim();
      Optional<Path> aotJava =
          o.containsKey("aot")
              ? Optional.empty()
              : o.containsKey("aot-java")
                  ? Optional.of(Path.of(o.get("aot-java")))
                  : AotJava.find();
      return new Settings(
          Duration.ofSeconds(Long.parseLong(o.getOrDefault("duration", "5"))),
          Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup", "2"))),
          Duration.ofSeconds(Long.parseLong(o.getOrDefault("soak", "60"))),
          !o.containsKey("peer"),
          !o.containsKey("jmh"),
          !o.containsKey("generation"),
          Integer.parseInt(o.getOrDefault("starts", "5")),
          flags.isEmpty()
              ? List.of()
              : Arrays.stream(flags.split("\\s+")).map(Settings::absoluteArchive).toList(),
          aotJava);
    }

    /** The server runs in another directory: an archive path must not be relative. */
    private static String absoluteArchive(String flag) {
      String key = "-XX:SharedArchiveFile=";
      return flag.startsWith(key)
          ? key + Path.of(flag.substring(key.length())).toAbsolutePath()
          : flag;
    }
  }

  private final Path repo;
  private final Settings settings;
  private final Path work;
  private final Report report = new Report();

  Runs(Path repo, Settings settings) throws IOException {
    this.repo = repo;
    this.settings = settings;
    this.work = Files.createDirectories(repo.resolve("benchmarks/target/work"));
  }

  void all() throws Exception {
    load();
    if (settings.generation()) {
      generation();
    }
    if (settings.jmh()) {
      jmh();
    }
  }

  // ---------------------------------------------------------------- server load

  void load() throws Exception {
    report.machine();
    long[] cpuBefore = machineCpuTicks();
    try (FixedUpstream upstream = new FixedUpstream()) {
      URI up = upstream.baseUrl();
      Map<Integer, Load.Result> direct = new LinkedHashMap<>();
      for (int n : LEVELS) {
        direct.put(n, measure("direct", i -> new DirectClient(up), n));
      }
      report.series("direct upstream call", direct);

      Subject.Ours ours =
          new Subject.Ours(
              repo.resolve("generated-server/target/torii-mcp-server.jar"), settings.serverFlags());
      Served o = serve(ours, up, true);
      // as Claude Desktop starts it, with the same flags (and so the same archive)
      Starts stdio = starts(() -> ours.stdioStart(up, work));
      Optional<AotJava.Starts> aot = Optional.empty();
      List<String> aotFlags = AotJava.flags(settings.serverFlags());
      if (settings.aotJava().isPresent() && !aotFlags.equals(settings.serverFlags())) {
        Subject.Ours onAot = new Subject.Ours(settings.aotJava().get(), ours.jar(), aotFlags);
        onAot.train(up, work);
        Starts s = starts(onAot, up);
        aot =
            Optional.of(new AotJava.Starts(AotJava.version(settings.aotJava().get()), aotFlags, s));
      }
      if (!settings.serverFlags().isEmpty()) {
        Subject plain = new Subject.Ours(ours.jar(), List.of());
        report.note(
            String.format(
                Locale.ROOT,
                "Plain `java -jar` (no flags), start to first tools/list, s: %s.",
                Arrays.toString(starts(plain, up).seconds())));
      }

      Served p = null;
      if (settings.peer()) {
        try {
          p = serve(peerServer(), up, false);
        } catch (Exception e) {
          report.note("The peer could not be measured: " + e.getMessage());
        }
      }
      report.note(
          "torii-mcp ran with: "
              + (settings.serverFlags().isEmpty()
                  ? "no JVM flags"
                  : "`" + String.join(" ", settings.serverFlags()) + "`")
              + ".");
      report.serverTable(direct, o, p, stdio, aot, settings);
    }
    long[] cpuAfter = machineCpuTicks();
    if (cpuBefore.length > STEAL && cpuAfter.length > STEAL) {
      long all = 0;
      for (int i = 0; i <= STEAL; i++) { // guest time, after steal, is counted in user time
        all += cpuAfter[i] - cpuBefore[i];
      }
      report.note(
          String.format(
              Locale.ROOT,
              "The hypervisor took %.0f %% of this machine's CPU time while the servers were"
                  + " measured (steal time, /proc/stat); the figures of a run with much of it are"
                  + " the less reliable.",
              100.0 * (cpuAfter[STEAL] - cpuBefore[STEAL]) / Math.max(1, all)));
    }
    report.write(Main.results(repo));
  }

  /** The index of steal time among /proc/stat's CPU fields. */
  private static final int STEAL = 7;

  /**
   * The machine's CPU time by kind (/proc/stat's first line), or nothing where it cannot be read.
   */
  private static long[] machineCpuTicks() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      return Arrays.stream(line.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
    } catch (IOException | RuntimeException e) {
      return new long[0];
    }
  }

  /** The longest wait for a server's compilers after its warm-up. */
  static final Duration QUIET_AFTER_WARMUP = Duration.ofSeconds(30);

  /** Everything measured of one server. */
  record Served(
      String name,
      double[] startSeconds,
      double[] startCpuSeconds,
      int toolsListBytes,
      int tools,
      int withOutputSchema,
      int withAnnotations,
      Map<Integer, Load.Result> shared,
      Load.Result separate,
      String separateFailure,
      long rss16Kb,
      long peakKb,
      List<Long> soakKb,
      Map<Integer, Double> cpuMicrosPerCall) {}

  private Served serve(Subject s, URI up, boolean soak) throws Exception {
    if (s instanceof Subject.Ours ours) {
      ours.train(up, work);
    }
    Starts starts = starts(s, up);
    try (Subject.Running r = s.start(up, work)) {
      JsonNode list = JSON.readTree(r.toolsList());
      JsonNode tools = list.path("result").path("tools");
      int outputs = 0;
      int annotations = 0;
      for (JsonNode t : tools) {
        outputs += t.has("outputSchema") ? 1 : 0;
        annotations += t.has("annotations") ? 1 : 0;
      }
      String sample;
      String session;
      try (McpClient first = new McpClient(r.url(), null, s.tool(), s.arguments())) {
        sample = first.callText();
        session = first.session();
      }
      if (!sample.contains("Lovelace") || sample.contains("\"isError\":true")) {
        throw new IOException(s.name() + " answered the measured call with: " + sample);
      }
      // Both runtimes compile their hot code while it runs: warm them up at full load, then at one
      // client (at full load on two cores a JVM's C2 compiler got so little of a core that the
      // tiered policy kept hot code at C1 without full profiling; hundreds of C2 compilations then
      // ran during the one-client level), then let their compilers finish.
      for (int clients : new int[] {16, 1}) {
        Load.run(
            i -> new McpClient(r.url(), session, s.tool(), s.arguments()),
            clients,
            Duration.ZERO,
            settings.warmup().multipliedBy(5));
      }
      Duration settled = r.process().awaitQuiet(QUIET_AFTER_WARMUP);
      report.note(
          String.format(
              Locale.ROOT,
              "%s fell quiet %.1f s after its warm-up (less than %.0f %% of a core over %d ms%s).",
              s.name(),
              settled.toMillis() / 1000.0,
              ServerProcess.QUIET_SHARE * 100,
              ServerProcess.QUIET_WINDOW.toMillis(),
              settled.compareTo(QUIET_AFTER_WARMUP) >= 0 ? "; it did not, within that time" : ""));
      Map<Integer, Load.Result> shared = new LinkedHashMap<>();
      Map<Integer, Double> cpuPerCall = new LinkedHashMap<>();
      long rss16 = 0;
      for (int n : LEVELS) {
        if (n == 16) {
          r.process().startSampling();
        }
        double cpu = r.process().cpuSeconds();
        Load.Result result =
            measure(s.name(), i -> new McpClient(r.url(), session, s.tool(), s.arguments()), n);
        cpuPerCall.put(
            n, (r.process().cpuSeconds() - cpu) * 1e6 / (result.calls() * (1 + warmupShare())));
        shared.put(n, result);
        if (n == 16) {
          rss16 = r.process().stopSampling();
        }
      }
      report.series(s.name() + ", one session", shared);
      Load.Result separate = null;
      String failure = null;
      r.process().startSampling();
      try {
        separate =
            measure(
                s.name() + " (16 sessions)",
                i -> new McpClient(r.url(), null, s.tool(), s.arguments()),
                16);
      } catch (Exception e) {
        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      rss16 = Math.max(rss16, r.process().stopSampling());
      List<Long> soakKb = new ArrayList<>();
      if (soak && !settings.soak().isZero() && separate != null) {
        // the same 16 sessions throughout, as 16 long-lived clients would
        String[] sessions = new String[16];
        for (int i = 0; i < sessions.length; i++) {
          try (McpClient c = new McpClient(r.url(), null, s.tool(), s.arguments())) {
            sessions[i] = c.session();
          }
        }
        long step = Math.max(1, settings.soak().toSeconds() / 12);
        for (long t = 0; t < settings.soak().toSeconds(); t += step) {
          Load.run(
              i -> new McpClient(r.url(), sessions[i], s.tool(), s.arguments()),
              16,
              Duration.ZERO,
              Duration.ofSeconds(step));
          soakKb.add(r.process().rssKb());
          System.out.printf(
              "long run: %d s, RSS %d MB%n", t + step, soakKb.get(soakKb.size() - 1) / 1024);
        }
      }
      return new Served(
          s.name(),
          starts.seconds(),
          starts.cpuSeconds(),
          r.toolsList().getBytes(StandardCharsets.UTF_8).length,
          tools.size(),
          outputs,
          annotations,
          shared,
          separate,
          failure,
          rss16,
          r.process().peakRssKb(),
          soakKb,
          cpuPerCall);
    }
  }

  /** Start to first {@code tools/list} of fresh processes, wall and CPU seconds, each sorted. */
  record Starts(double[] seconds, double[] cpuSeconds) {}

  private Starts starts(Subject s, URI up) throws Exception {
    return starts(
        () -> {
          try (Subject.Running r = s.start(up, work)) {
            return new double[] {r.startSeconds(), r.startCpuSeconds()};
          }
        });
  }

  /** One fresh start: seconds and CPU seconds from process start to the first tools/list. */
  private interface Start {
    double[] once() throws Exception;
  }

  private Starts starts(Start start) throws Exception {
    double[] seconds = new double[settings.starts()];
    double[] cpu = new double[settings.starts()];
    for (int i = 0; i < seconds.length; i++) {
      double[] one = start.once();
      seconds[i] = one[0];
      cpu[i] = one[1];
    }
    Arrays.sort(seconds);
    Arrays.sort(cpu);
    return new Starts(seconds, cpu);
  }

  /** Warm-up calls are not counted but use CPU too; assume they run at the measured rate. */
  private double warmupShare() {
    return (double) settings.warmup().toMillis() / settings.duration().toMillis();
  }

  private Load.Result measure(String name, Load.Clients clients, int n) throws Exception {
    Load.Result r = Load.run(clients, n, settings.warmup(), settings.duration());
    System.out.printf(
        Locale.ROOT,
        "%-45s %2d clients: %8.0f calls/s  p50 %7.3f ms  p99 %7.3f ms  failures %d%n",
        name,
        n,
        r.throughput(),
        r.p50(),
        r.p99(),
        r.failures());
    return r;
  }

  private Peer peer;
  private int peerPort;
  private Path peerProject;

  private Subject peerServer() throws Exception {
    ensurePeer();
    return new Subject.PeerServer(peer, peerProject, peerPort);
  }

  private void ensurePeer() throws Exception {
    if (peer != null) {
      return;
    }
    Path dir = Files.createDirectories(repo.resolve("benchmarks/target/peer"));
    peer = Peer.install(repo, dir);
    try (ServerSocket s = new ServerSocket(0)) {
      peerPort = s.getLocalPort();
    }
    peerProject = dir.resolve("torii");
    peer.generate(repo.resolve("torii-spec/torii-openapi.yaml"), peerProject, peerPort);
    peer.build(peerProject);
  }

  // ---------------------------------------------------------------- generation

  void generation() throws Exception {
    Path torii = repo.resolve("torii-spec/torii-openapi.yaml");
    List<Path> overlays =
        List.of("names", "tags", "rate-limits", "pagination", "descriptions").stream()
            .map(n -> repo.resolve("torii-spec/overlays/" + n + ".yaml"))
            .toList();
    Path github = Corpus.github();
    List<Generation.Input> inputs =
        List.of(
            new Generation.Input("torii", torii, overlays, "torii"),
            new Generation.Input("github", github, List.of(), ""));
    List<Report.GenerationRow> rows = new ArrayList<>();
    for (Generation.Input in : inputs) {
      Path out = work.resolve("gen-" + in.name());
      double[] whole = new double[3];
      for (int i = 0; i < whole.length; i++) {
        whole[i] = Generation.wholeProcess(in, out);
      }
      Arrays.sort(whole);
      Path memory = Generation.memoryDirectory(work.resolve("warm-" + in.name()));
      double[] warm = Generation.warm(in, memory, Generation.WARM_FLAGS);
      double[] warmDefault = Generation.warm(in, work.resolve("warm-" + in.name()), List.of());
      String compiles = Generation.compile(out, work.resolve("classes-" + in.name()));
      long sources = Generation.sources(out);
      double[] peerWhole = null;
      String peerCompiles = "not measured";
      if (settings.peer()) {
        try {
          ensurePeer();
          Path peerOut = repo.resolve("benchmarks/target/peer/gen-" + in.name());
          peerWhole = new double[3];
          for (int i = 0; i < peerWhole.length; i++) {
            peerWhole[i] = peer.generate(in.spec(), peerOut, 3000);
          }
          Arrays.sort(peerWhole);
          String err = peer.typecheck(peerOut, peerProject);
          peerCompiles = err == null ? "compiles (tsc --noEmit)" : "does not compile: " + err;
        } catch (Exception e) {
          peerCompiles = "failed: " + e.getMessage().lines().findFirst().orElse("");
        }
      }
      rows.add(
          new Report.GenerationRow(
              in.name(),
              sources,
              whole,
              warm,
              warmDefault,
              memory.startsWith("/dev/shm"),
              compiles == null ? "compiles (javac)" : "does not compile: " + compiles,
              peerWhole,
              peerCompiles));
      System.out.printf(
          Locale.ROOT,
          "generation %-7s: whole process %.2f s, warm %.3f s (default JVM, disk %.3f s), peer %s,"
              + " %s / %s%n",
          in.name(),
          whole[1],
          warm[warm.length / 2],
          warmDefault[warmDefault.length / 2],
          peerWhole == null ? "-" : String.format(Locale.ROOT, "%.2f s", peerWhole[1]),
          compiles == null ? "ok" : compiles,
          peerCompiles);
    }
    report.generation(rows);
    report.write(Main.results(repo));
  }

  // ---------------------------------------------------------------- JMH

  void jmh() throws Exception {
    var options =
        new OptionsBuilder()
            .include(dev.toriimcp.bench.jmh.HotPaths.class.getName())
            .forks(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(1))
            .build();
    List<Report.JmhRow> rows = new ArrayList<>();
    for (RunResult r : new Runner(options).run()) {
      String bench = r.getParams().getBenchmark();
      rows.add(
          new Report.JmhRow(
              bench.substring(bench.lastIndexOf('.') + 1),
              r.getParams().getParam("tool"),
              r.getPrimaryResult().getScore(),
              r.getPrimaryResult().getScoreError()));
    }
    report.jmh(rows);
    report.write(Main.results(repo));
  }
}
