package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toriimcp.server.access.AccessStore;
import dev.toriimcp.server.access.SecretBox;
import dev.toriimcp.server.access.Tokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} while servers are being written loses nothing acknowledged and leaves no half
 * row.
 */
class CrashSafetyTest {
  @TempDir Path dir;

  static void killDuringWrites(AccessStore.Location location, Path dataDir) throws Exception {
    Process p =
        new ProcessBuilder(
                "java",
                "-cp",
                System.getProperty("java.class.path"),
                CrashWriter.class.getName(),
                location.url(),
                location.user(),
                dataDir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Secrets.record("crash-test-key");
    List<String[]> written = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (written.size() < 40 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
      written.add(line.split(" "));
      Secrets.record(line.split(" ")[1]);
    }
    p.destroyForcibly(); // SIGKILL, mid-loop
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertTrue(
        written.size() >= 40, "the writer wrote " + written.size() + " servers before the kill");

    AccessStore store = new AccessStore(location, SecretBox.open(null, dataDir), Clock.systemUTC());
    String account =
        store.listAccounts().stream()
            .filter(a -> a.name().equals("crash"))
            .findFirst()
            .orElseThrow()
            .id();
    List<AccessStore.Server> rows = store.listServers(account);
    assertTrue(
        rows.size() >= written.size(),
        rows.size() + " rows for " + written.size() + " acknowledged writes");
    for (String[] w : written) {
      AccessStore.Server s =
          store
              .serverByTokenHash(Tokens.hash(w[1]))
              .orElseThrow(() -> new AssertionError("lost server " + w[0]));
      assertEquals(w[0], s.id());
    }
    for (AccessStore.Server s : rows) {
      assertTrue(s.name().startsWith("server "), s.toString());
      assertEquals(List.of("read"), s.config().methods());
      assertEquals(List.of("users"), s.config().tags());
    }
    assertEquals("crash-test-key", store.apiKey(account));
  }

  @Test
  void h2() throws Exception {
    killDuringWrites(AccessStore.Location.h2(dir), dir);
  }

  @Test
  void postgresql() throws Exception {
    assumeTrue(LocalPostgres.available(), "PostgreSQL 15 is not installed at " + LocalPostgres.BIN);
    try (LocalPostgres pg = new LocalPostgres()) {
      killDuringWrites(new AccessStore.Location(pg.url(), "postgres", ""), dir);
    }
  }
}
