package dev.toriimcp.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's PostgreSQL 15, started for a test in its own directory on a free loopback port (as
 * {@code nobody} when running as root, since PostgreSQL refuses root), and stopped after.
 */
public final class LocalPostgres implements AutoCloseable {
  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  private final Path dir;
  public final int port;

  /**
   * Whether PostgreSQL 15 is installed. Tests that need it skip when it is not, except where {@code
   * TORII_MCP_REQUIRE_POSTGRES=true} (set by CI), where its absence is a failure.
   */
  public static boolean available() {
    boolean installed =
        Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
    if (!installed && "true".equals(System.getenv("TORII_MCP_REQUIRE_POSTGRES"))) {
      throw new IllegalStateException(
          "PostgreSQL 15 is required (TORII_MCP_REQUIRE_POSTGRES=true) but not installed at "
              + BIN);
    }
    return installed;
  }

  public LocalPostgres() throws Exception {
    dir = Files.createTempDirectory("torii-mcp-pg");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    if (root()) {
      run(List.of("chown", "-R", "nobody", dir.toString()));
    }
    run(
        asOwner(
            BIN.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync"));
    run(
        asOwner(
            BIN.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("log").toString(),
            "-w",
            "-o",
            "-p " + port + " -k " + dir + " -h 127.0.0.1 -F",
            "start"));
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE torii_mcp");
    }
  }

  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/torii_mcp";
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> asOwner(String... command) {
    List<String> out = new ArrayList<>();
    if (root()) {
      out.addAll(List.of("runuser", "-u", "nobody", "--"));
    }
    out.addAll(List.of(command));
    return out;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  @Override
  public void close() throws Exception {
    run(
        asOwner(
            BIN.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-m",
            "immediate",
            "-w",
            "stop"));
    run(List.of("rm", "-rf", dir.toString()));
  }
}
