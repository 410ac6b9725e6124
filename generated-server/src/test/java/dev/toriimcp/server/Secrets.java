package dev.toriimcp.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records every secret a test hands the server (API keys, URL tokens, API tokens) in {@code
 * target/secrets-used.txt}, so that {@code SecretHygieneIT} can check that none of them reached a
 * log line or an error message anywhere in the suite's output.
 */
public final class Secrets {
  public static final Path FILE = Path.of("target/secrets-used.txt");

  private Secrets() {}

  public static synchronized String record(String secret) {
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(
          FILE,
          secret + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return secret;
  }

  /** The token at the end of an MCP URL, recorded. */
  public static String fromUrl(String url) {
    return record(url.substring(url.lastIndexOf('/') + 1));
  }
}
