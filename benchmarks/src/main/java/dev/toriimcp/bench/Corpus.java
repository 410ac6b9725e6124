package dev.toriimcp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * GitHub's description from {@code @octokit/openapi}, fetched with {@code npm pack} into the cache
 * the generator's CorpusTest uses ({@code ~/.cache/torii-mcp/corpus}), so either fetches it once.
 */
final class Corpus {
  static final String PACKAGE = "@octokit/openapi@23.0.2";
  static final String FILE = "package/generated/api.github.com.json";

  private Corpus() {}

  static Path github() throws IOException, InterruptedException {
    Path dir =
        Path.of(System.getProperty("user.home"), ".cache", "torii-mcp", "corpus")
            .resolve(PACKAGE.replace("@", "").replace("/", "_"));
    Path file = dir.resolve(FILE);
    if (Files.exists(file)) {
      return file;
    }
    Files.createDirectories(dir);
    run(dir, "npm", "pack", "--silent", PACKAGE);
    String tgz;
    try (var s = Files.list(dir)) {
      tgz =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".tgz"))
              .findFirst()
              .orElseThrow();
    }
    run(dir, "tar", "xzf", tgz, FILE);
    return file;
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed in " + dir);
    }
  }
}
