package dev.toriimcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway runs when the schema is behind, and is skipped when it is current. */
class MigrationTest {
  @TempDir Path dir;

  @Test
  void schemaVersionIsTheNewestMigration() throws Exception {
    Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
    int newest = 0;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = name.matcher(f.getFileName().toString());
        if (m.matches()) {
          newest = Math.max(newest, Integer.parseInt(m.group(1)));
        }
      }
    }
    assertEquals(newest, AccessStore.SCHEMA_VERSION);
  }

  @Test
  void anOlderSchemaIsMigratedAndACurrentOneKeptAsIs() throws Exception {
    AccessStore.Location location = AccessStore.Location.h2(dir);
    assertFalse(AccessStore.schemaCurrent(location), "a new database");
    Flyway.configure()
        .dataSource(location.url(), location.user(), location.password())
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    assertFalse(AccessStore.schemaCurrent(location), "a database at V1");
    SecretBox box = SecretBox.open(null, dir);
    AccessStore store = new AccessStore(location, box, Clock.systemUTC());
    assertTrue(AccessStore.schemaCurrent(location), "opening the store migrated it");
    String account =
        store.createAccount("acme", URI.create("https://api.toriihq.com/v1.0"), "k").id();
    AccessStore again = new AccessStore(location, box, Clock.systemUTC());
    assertEquals("acme", again.account(account).orElseThrow().name());
  }
}
