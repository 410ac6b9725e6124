package dev.toriimcp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A server under test in its own process: stdout lines are queued for the caller, stderr goes to a
 * log file, and its resident memory is read from {@code /proc}.
 */
final class ServerProcess implements AutoCloseable {
  final long startedNanos;
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final AtomicLong maxSampledRssKb = new AtomicLong();
  private volatile boolean sampling;

  ServerProcess(List<String> command, Map<String, String> env, Path dir, Path log)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    Files.createDirectories(log.getParent());
    pb.redirectError(log.toFile());
    startedNanos = System.nanoTime();
    process = pb.start();
    Thread reader =
        Daemon.threads("stdout")
            .newThread(
                () -> {
                  try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                      lines.add(l);
                    }
                  } catch (IOException e) {
                    // the process ended
                  }
                });
    reader.start();
  }

  /** Waits for a stdout line that starts with {@code prefix} and returns the rest of it. */
  String awaitLine(String prefix, long seconds) throws IOException, InterruptedException {
    return awaitLine(l -> l.startsWith(prefix), "starting with '" + prefix + "'", seconds)
        .substring(prefix.length())
        .trim();
  }

  /** Waits for a stdout line that {@code test} accepts and returns it. */
  String awaitLine(Predicate<String> test, String what, long seconds)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String l = lines.poll(100, TimeUnit.MILLISECONDS);
      if (l != null && test.test(l)) {
        return l;
      }
      if (l == null && !process.isAlive()) {
        throw new IOException("the server exited with " + process.exitValue());
      }
    }
    throw new IOException("no line " + what + " within " + seconds + " s");
  }

  /** Writes {@code text} to the process's standard input. */
  void send(String text) throws IOException {
    process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  long pid() {
    return process.pid();
  }

  /** VmHWM: the peak resident set since the process started, in KiB. */
  long peakRssKb() {
    return status("VmHWM:");
  }

  long rssKb() {
    return status("VmRSS:");
  }

  /** CPU time the process has used so far (user + system), in seconds. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in ticks
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Waits until the process uses less than {@link #QUIET_SHARE} of one core over {@link
   * #QUIET_WINDOW}, or {@code max} has passed; returns how long it waited. After a load, a
   * runtime's compilers may still be at work, and whatever is measured next would share the cores
   * with them.
   */
  Duration awaitQuiet(Duration max) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + max.toNanos();
    double before = cpuSeconds();
    while (System.nanoTime() < deadline) {
      Thread.sleep(QUIET_WINDOW.toMillis());
      double now = cpuSeconds();
      if (now - before < QUIET_SHARE * QUIET_WINDOW.toMillis() / 1000.0) {
        break;
      }
      before = now;
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  static final Duration QUIET_WINDOW = Duration.ofMillis(500);

  static final double QUIET_SHARE = 0.05;

  /** Samples VmRSS every 100 ms until {@link #stopSampling()}; returns the largest seen. */
  void startSampling() {
    sampling = true;
    maxSampledRssKb.set(0);
    Thread t =
        Daemon.threads("rss")
            .newThread(
                () -> {
                  while (sampling) {
                    maxSampledRssKb.accumulateAndGet(rssKb(), Math::max);
                    try {
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    t.start();
  }

  long stopSampling() {
    sampling = false;
    return Math.max(maxSampledRssKb.get(), rssKb());
  }

  private long status(String key) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (l.startsWith(key)) {
          return Long.parseLong(l.substring(key.length()).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    sampling = false;
    process.destroy();
    // a JVM writing its class-data sharing archive at exit takes a while
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
