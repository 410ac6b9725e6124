package dev.toriimcp.bench;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A server under test: how to start it against an upstream, and which tool call to repeat. */
interface Subject {
  String name();

  /** The tool and arguments of the measured call: Torii's {@code GET /users/{idUser}}. */
  String tool();

  default String arguments() {
    return "{\"idUser\":42}";
  }

  /** Starts the server; returns once it is started, with its MCP URL. */
  Running start(URI upstream, Path work) throws Exception;

  /** A started server, and how long its first {@code tools/list} took from process start. */
  record Running(
      ServerProcess process, URI url, double startSeconds, double startCpuSeconds, String toolsList)
      implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.close();
    }
  }

  /** Our server, from its runnable jar, as README.md runs it, on the given {@code java}. */
  record Ours(Path java, Path jar, List<String> jvmFlags) implements Subject {
    /** On the Java this harness runs on. */
    Ours(Path jar, List<String> jvmFlags) {
      this(Path.of(javaBin()), jar, jvmFlags);
    }

    @Override
    public String name() {
      return "torii-mcp";
    }

    @Override
    public String tool() {
      return "get_single_torii_user_by_id";
    }

    /**
     * Writes the class-data sharing archive named by {@code -XX:SharedArchiveFile=} (or the AOT
     * cache named by {@code -XX:AOTCache=}, Java 25+) when it is missing or older than the jar (the
     * JVM ignores an archive written for another jar, and the server would then be measured without
     * one): one run with {@code -XX:ArchiveClassesAtExit} (or {@code -XX:AOTCacheOutput}) that
     * lists the tools and calls one.
     */
    void train(URI upstream, Path work) throws Exception {
      for (String f : jvmFlags) {
        String training =
            f.startsWith("-XX:SharedArchiveFile=")
                ? "-XX:ArchiveClassesAtExit="
                : f.startsWith("-XX:AOTCache=") ? "-XX:AOTCacheOutput=" : null;
        if (training != null) {
          Path archive = Path.of(f.substring(f.indexOf('=') + 1));
          if (Files.exists(archive)
              && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            Files.delete(archive);
          }
          if (!Files.exists(archive)) {
            List<String> flags = new ArrayList<>(jvmFlags);
            flags.set(flags.indexOf(f), training + archive);
            try (Running r = new Ours(java, jar, flags).start(upstream, work);
                McpClient c = new McpClient(r.url(), null, tool(), arguments())) {
              c.callText();
            }
          }
        }
      }
    }

    @Override
    public Running start(URI upstream, Path work) throws Exception {
      Path data = Files.createDirectories(work.resolve("data"));
      ServerProcess p =
          process(
              upstream,
              work,
              "torii-mcp.log",
              "serve",
              "--port",
              "0",
              "--data-dir",
              data.toString());
      URI url = URI.create(p.awaitLine("MCP URL:", 60));
      return firstList(p, url, this);
    }

    /** {@code java <flags> -jar <jar> <arguments…>} against {@code upstream}, stderr to a log. */
    private ServerProcess process(URI upstream, Path work, String log, String... arguments)
        throws IOException {
      List<String> command = new ArrayList<>(List.of(java.toString()));
      command.addAll(jvmFlags);
      command.addAll(List.of("-jar", jar.toString()));
      command.addAll(List.of(arguments));
      return new ServerProcess(
          command,
          Map.of("TORII_BASE_URL", upstream.toString(), "TORII_API_KEY", "bench-key"),
          work,
          work.resolve(log));
    }

    /**
     * Seconds and CPU seconds from process start to the answer to the first {@code tools/list} over
     * stdio, as Claude Desktop starts the server ({@code java -jar … stdio}), sent right behind
     * {@code initialize}.
     */
    double[] stdioStart(URI upstream, Path work) throws Exception {
      try (ServerProcess p = process(upstream, work, "torii-mcp-stdio.log", "stdio")) {
        p.send(
            String.join(
                "\n", McpClient.INITIALIZE, McpClient.INITIALIZED, McpClient.TOOLS_LIST, ""));
        String list =
            p.awaitLine(
                l -> l.contains("\"id\":" + McpClient.TOOLS_LIST_ID + ","),
                "answering tools/list",
                60);
        double seconds = (System.nanoTime() - p.startedNanos) / 1e9;
        if (!list.contains("\"tools\"")) {
          throw new IOException("stdio answered tools/list with: " + list);
        }
        return new double[] {seconds, p.cpuSeconds()};
      }
    }
  }

  /** openapi-mcp-generator's Streamable HTTP server, built by {@link Peer}. */
  record PeerServer(Peer peer, Path project, int port) implements Subject {
    @Override
    public String name() {
      return "openapi-mcp-generator";
    }

    @Override
    public String tool() {
      return "getUsersIduser";
    }

    @Override
    public Running start(URI upstream, Path work) throws Exception {
      ServerProcess p =
          new ServerProcess(
              List.of(peer.node().toString(), "build/index.js", "--transport=streamable-http"),
              Map.of("API_BASE_URL", upstream.toString(), "BEARER_TOKEN_BEARERAUTH", "bench-key"),
              project,
              work.resolve("peer.log"));
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (true) {
        try (Socket s = new Socket("127.0.0.1", port)) {
          break;
        } catch (IOException e) {
          if (System.nanoTime() > deadline) {
            p.close();
            throw new IOException("the peer did not listen on " + port + " within 60 s", e);
          }
          Thread.sleep(2);
        }
      }
      return firstList(p, URI.create("http://127.0.0.1:" + port + "/mcp"), this);
    }
  }

  /** Initializes a session and lists the tools: the moment a client can start working. */
  private static Running firstList(ServerProcess p, URI url, Subject s) throws Exception {
    try (McpClient c = new McpClient(url, null, s.tool(), s.arguments())) {
      String list = c.toolsList();
      double seconds = (System.nanoTime() - p.startedNanos) / 1e9;
      return new Running(p, url, seconds, p.cpuSeconds(), list);
    } catch (Exception e) {
      p.close();
      throw e;
    }
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
