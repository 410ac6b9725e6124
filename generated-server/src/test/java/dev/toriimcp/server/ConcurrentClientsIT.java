package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load: 64 MCP clients at once against the packaged jar ({@code serve --port 0}) for a bounded
 * time, half of them in stateful sessions (2025-11-25) and half stateless (2026-07-28), each doing
 * initialize or server/discover, tools/list and then tools/call after tools/call against a fast
 * fake Torii. Every answer must be HTTP 200 (202 for notifications) with a well-formed JSON-RPC
 * result; the server's resident memory must stay under a bound and flat; p50 and p99 are printed.
 *
 * <p>{@code -Dload.seconds=N} runs longer (default 20), {@code -Dload.clients=N} changes the count.
 */
class ConcurrentClientsIT {
  static final Path JAR = Path.of("target/torii-mcp-server.jar").toAbsolutePath();
  private static final int CLIENTS = Integer.getInteger("load.clients", 64);
  private static final int SECONDS = Integer.getInteger("load.seconds", 20);
  private static final int WARM_UP_SECONDS = 5;

  /**
   * The bound of the server's peak resident memory. The heap is fixed and touched at start (256
   * MiB); outside it the JVM needs about 100 MiB for metaspace, code cache and GC structures, and
   * thread stacks: Jetty's pool stops at 200 threads, each touching a few hundred KiB. Measured:
   * about 410 MiB with 64 clients. 512 MiB leaves room for that and little else, so a leak of
   * connections, sessions or threads crosses it.
   */
  private static final long RSS_BOUND_KIB = 512 * 1024;

  /** Growth of resident memory allowed from the first half of the run to the second. */
  private static final long RSS_GROWTH_KIB = 48 * 1024;

  @TempDir Path dataDir;

  /** One resident-memory sample of the server process. */
  record Sample(long atMillis, long rssKib, long hwmKib, int threads) {}

  @Test
  void sixtyFourClientsGetOnlyValidAnswersInBoundedMemory() throws Exception {
    assertTrue(Files.exists(JAR), "run after package: " + JAR);
    try (FakeUpstream torii = new FakeUpstream(16)) {
      String key = Secrets.record("load-test-key-" + Long.toHexString(System.nanoTime()));
      ProcessBuilder pb =
          new ProcessBuilder(
              "java",
              // a fixed, touched heap: resident memory then grows only with what lives outside
              // the heap (threads, buffers, classes), which is what a leak of connections shows
              "-Xms256m",
              "-Xmx256m",
              "-XX:+AlwaysPreTouch",
              "-jar",
              JAR.toString(),
              "serve",
              "--port",
              "0",
              "--data-dir",
              dataDir.toString());
      pb.environment().put("TORII_API_KEY", key);
      pb.environment().put("TORII_BASE_URL", torii.baseUrl().toString());
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process server = pb.start();
      try {
        String url = mcpUrl(server);
        Secrets.fromUrl(url);
        run(server.pid(), url, torii);
      } finally {
        server.destroy();
        server.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  private static String mcpUrl(Process server) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String url = null;
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("MCP URL: ")) {
        url = line.substring("MCP URL: ".length());
      }
      if (line.startsWith("Serving ")) {
        break;
      }
    }
    assertNotNull(url, "serve printed its MCP URL");
    // keep draining stdout so the server never blocks on it
    Thread drain =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // nothing
                }
              } catch (IOException e) {
                // the server ended
              }
            },
            "drain");
    drain.setDaemon(true);
    drain.start();
    return url;
  }

  private void run(long pid, String url, FakeUpstream torii) throws Exception {
    long started = System.currentTimeMillis();
    long measureFrom = started + WARM_UP_SECONDS * 1000L;
    long deadline = measureFrom + SECONDS * 1000L;
    List<Sample> samples = new ArrayList<>();
    Thread sampler =
        new Thread(
            () -> {
              while (System.currentTimeMillis() < deadline + 500) {
                Sample s = sample(pid, System.currentTimeMillis() - started);
                if (s != null) {
                  synchronized (samples) {
                    samples.add(s);
                  }
                }
                try {
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();

    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong requests = new AtomicLong();
    AtomicLong toolCalls = new AtomicLong();
    CountDownLatch done = new CountDownLatch(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      int n = i;
      Thread t =
          new Thread(
              () -> {
                try {
                  latencies.add(
                      new Client(url, n % 2 == 0, n, problems, requests, toolCalls)
                          .loop(measureFrom, deadline));
                } catch (Exception e) {
                  problems.add("client " + n + " stopped: " + e);
                } finally {
                  done.countDown();
                }
              },
              "client-" + i);
      t.setDaemon(true);
      t.start();
    }
    assertTrue(done.await(SECONDS + WARM_UP_SECONDS + 120, TimeUnit.SECONDS), "clients finish");
    sampler.join(5000);

    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    List<Sample> measured;
    synchronized (samples) {
      measured = samples.stream().filter(s -> s.atMillis() >= WARM_UP_SECONDS * 1000L).toList();
    }
    assertTrue(measured.size() >= 4, "memory samples: " + measured.size());
    List<Sample> first = measured.subList(0, measured.size() / 2);
    List<Sample> second = measured.subList(measured.size() / 2, measured.size());
    long firstMax = first.stream().mapToLong(Sample::rssKib).max().orElseThrow();
    long secondMax = second.stream().mapToLong(Sample::rssKib).max().orElseThrow();
    Sample last = measured.get(measured.size() - 1);
    String report =
        String.format(
            "load: %d clients, %d s (after %d s warm-up): %d requests measured (%d in all, %d"
                + " tool calls), %.0f/s;"
                + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; server RSS first half max %d MiB,"
                + " second half max %d MiB, peak (VmHWM) %d MiB; server threads at the end %d;"
                + " upstream requests %d; problems %d",
            CLIENTS,
            SECONDS,
            WARM_UP_SECONDS,
            all.length,
            requests.get(),
            toolCalls.get(),
            all.length / (double) SECONDS,
            percentile(all, 50) / 1e6,
            percentile(all, 99) / 1e6,
            (all.length == 0 ? 0 : all[all.length - 1]) / 1e6,
            firstMax / 1024,
            secondMax / 1024,
            last.hwmKib() / 1024,
            last.threads(),
            torii.requests(),
            problems.size());
    System.out.println(report);
    Files.writeString(Path.of("target/load-report.txt"), report + "\n");
    assertEquals(List.of(), problems.stream().limit(20).toList(), "protocol errors");
    assertTrue(all.length > CLIENTS * 10L, "the clients got answers: " + all.length);
    assertTrue(last.hwmKib() < RSS_BOUND_KIB, "peak RSS " + last.hwmKib() + " KiB");
    assertTrue(
        secondMax <= firstMax + RSS_GROWTH_KIB,
        "RSS flat: first half " + firstMax + " KiB, second half " + secondMax + " KiB");
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static Sample sample(long pid, long at) {
    try {
      long rss = 0;
      long hwm = 0;
      int threads = 0;
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kib(line);
        } else if (line.startsWith("VmHWM:")) {
          hwm = kib(line);
        } else if (line.startsWith("Threads:")) {
          threads = Integer.parseInt(line.substring(8).strip());
        }
      }
      return new Sample(at, rss, hwm, threads);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }

  /** One MCP client with its own HTTP connection pool and session. */
  private static final class Client {
    private static final String[][] CALLS = {
      {"list_all_torii_users", "{\"limit\":5,\"fields\":\"id,email\"}"},
      {"get_single_torii_user_by_id", "{\"idUser\":42}"},
      {"list_all_torii_roles", "{}"},
      {"list_all_torii_contracts", "{\"limit\":10}"},
      {"get_single_torii_app_by_id", "{\"idApp\":\"not a number\"}"},
    };

    private final McpHttp http;
    private final boolean stateful;
    private final int n;
    private final ConcurrentLinkedQueue<String> problems;
    private final AtomicLong requests;
    private final AtomicLong toolCalls;
    private long[] latencies = new long[4096];
    private int count;
    private int nextId = 1;

    Client(
        String url,
        boolean stateful,
        int n,
        ConcurrentLinkedQueue<String> problems,
        AtomicLong requests,
        AtomicLong toolCalls) {
      this.http = new McpHttp(url);
      this.stateful = stateful;
      this.n = n;
      this.problems = problems;
      this.requests = requests;
      this.toolCalls = toolCalls;
    }

    long[] loop(long measureFrom, long deadline) throws Exception {
      if (stateful) {
        JsonNode init = http.initialize();
        check("initialize", init, 0);
        if (http.sessionId() == null) {
          problems.add("client " + n + ": no session id");
          return new long[0];
        }
      } else {
        send("server/discover", null, null, measureFrom);
      }
      send("tools/list", null, null, measureFrom);
      int i = n;
      while (System.currentTimeMillis() < deadline) {
        String[] call = CALLS[i++ % CALLS.length];
        send("tools/call", call[0], call[1], measureFrom);
        toolCalls.incrementAndGet();
        if (i % 10 == 0 && stateful) {
          send("ping", null, null, measureFrom);
        }
      }
      return Arrays.copyOf(latencies, count);
    }

    private void send(String method, String tool, String arguments, long measureFrom)
        throws Exception {
      int id = nextId++;
      String params = tool == null ? "" : "\"name\":\"" + tool + "\",\"arguments\":" + arguments;
      String body;
      Map<String, String> headers;
      if (stateful) {
        body =
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\""
                + method
                + "\""
                + (params.isEmpty() ? "" : ",\"params\":{" + params + "}")
                + "}";
        headers = http.session();
      } else {
        body =
            McpHttp.statelessBody(method, params).replaceFirst("\"id\":1,", "\"id\":" + id + ",");
        headers = McpHttp.stateless(method, tool);
      }
      long t0 = System.nanoTime();
      McpHttp.Answer a = http.post(body, headers);
      long took = System.nanoTime() - t0;
      requests.incrementAndGet();
      if (System.currentTimeMillis() >= measureFrom) {
        if (count == latencies.length) {
          latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = took;
      }
      if (a.status() != 200) {
        problems.add("client " + n + " " + method + ": HTTP " + a.status() + " " + a.text());
        return;
      }
      JsonNode r;
      try {
        r = McpHttp.MAPPER.readTree(a.text());
      } catch (IOException e) {
        problems.add("client " + n + " " + method + ": not JSON: " + a.text());
        return;
      }
      check(method + (tool == null ? "" : " " + tool), r, id);
      if (tool != null && r.has("result")) {
        boolean isError = r.at("/result/isError").asBoolean(false);
        boolean expectError = tool.equals("get_single_torii_app_by_id");
        if (isError != expectError) {
          problems.add("client " + n + " " + tool + ": unexpected result " + r);
        }
      }
    }

    private void check(String what, JsonNode r, int id) {
      List<String> wrong = new ArrayList<>(JsonRpcChecks.problems(r));
      if (r.has("error")) {
        wrong.add("a JSON-RPC error");
      }
      if (r.path("id").asInt(-1) != id) {
        wrong.add("id " + r.path("id") + " instead of " + id);
      }
      if (!wrong.isEmpty()) {
        problems.add("client " + n + " " + what + ": " + wrong + " in " + r);
      }
    }
  }
}
