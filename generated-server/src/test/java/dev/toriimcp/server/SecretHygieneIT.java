package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After the whole suite: every log line and error message the tests produced (surefire's and
 * failsafe's captured output of every test class, including the servers' logs) is searched for
 * every API key and token the tests used. None may appear.
 */
class SecretHygieneIT {
  @Test
  void noSecretReachedAnyOutput() throws Exception {
    assertTrue(Files.exists(Secrets.FILE), "the suite recorded the secrets it used");
    Set<String> secrets = new LinkedHashSet<>();
    for (String s : Files.readAllLines(Secrets.FILE, StandardCharsets.UTF_8)) {
      if (s.length() >= 8) {
        secrets.add(s);
      }
    }
    assertTrue(secrets.size() > 20, "secrets recorded: " + secrets.size());
    List<Path> outputs = new ArrayList<>();
    for (String dir : List.of("target/surefire-reports", "target/failsafe-reports")) {
      if (Files.isDirectory(Path.of(dir))) {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
          s.filter(p -> p.getFileName().toString().endsWith("-output.txt")).forEach(outputs::add);
        }
      }
    }
    assertTrue(outputs.size() >= 5, "captured outputs: " + outputs);
    long bytes = 0;
    List<String> leaks = new ArrayList<>();
    for (Path p : outputs) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      bytes += text.length();
      for (String secret : secrets) {
        if (text.contains(secret)) {
          leaks.add(p.getFileName() + " contains a secret starting " + secret.substring(0, 4));
        }
      }
    }
    assertTrue(bytes > 1000, "the suite produced log output to search (" + bytes + " characters)");
    assertEquals(List.of(), leaks);
  }
}
