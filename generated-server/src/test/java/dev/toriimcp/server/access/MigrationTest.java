package dev.toriimcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway runs when the schema is behind, and is skipped when it is current; a migration stopped
 * halfway or recorded as failed is run again.
 */
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
    assertFalse(AccessStore.schemaCurrent(AccessStore.Location.h2(dir)), "a new database");
    AccessStore.Location location = atVersion1();
    assertFalse(AccessStore.schemaCurrent(location), "a database at V1");
    SecretBox box = SecretBox.open(null, dir);
    AccessStore store = new AccessStore(location, box, Clock.systemUTC());
    assertTrue(AccessStore.schemaCurrent(location), "opening the store migrated it");
    String account =
        store.createAccount("acme", URI.create("https://api.toriihq.com/v1.0"), "k").id();
    AccessStore again = new AccessStore(location, box, Clock.systemUTC());
    assertEquals("acme", again.account(account).orElseThrow().name());
  }

  /**
   * On H2 every statement of a migration commits by itself, so a process stopped in the middle
   * leaves part of it applied and nothing in Flyway's history. The next start runs it again.
   */
  @Test
  void aMigrationStoppedHalfwayIsCompletedAtTheNextStart() throws Exception {
    AccessStore.Location location = atVersion1();
    sql(
        location,
        "ALTER TABLE mcp_server ADD COLUMN schema_profile VARCHAR(20) DEFAULT 'standard' NOT NULL");
    opensAndWorks(location);
  }

  /** A migration Flyway recorded as failed (H2 has no DDL transactions) is run again. */
  @Test
  void aMigrationRecordedAsFailedIsRunAgain() throws Exception {
    AccessStore.Location location = atVersion1();
    sql(
        location,
        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
            + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
            + " \"execution_time\", \"success\") VALUES (2, '2', 'schema profile', 'SQL',"
            + " 'V2__schema_profile.sql', 0, 'sa', 0, FALSE)");
    assertFalse(AccessStore.schemaCurrent(location));
    opensAndWorks(location);
  }

  /**
   * A database another process holds open (H2's automatic server) is migrated through that process:
   * the migration's own connection, without the automatic server, is refused there.
   */
  @Test
  void aDatabaseAnotherProcessHoldsOpenIsMigratedToo() throws Exception {
    AccessStore.Location location = atVersion1();
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldOpen.class.getName(),
                location.url())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("holding", out.readLine());
      opensAndWorks(location);
    } finally {
      holder.destroy();
      holder.waitFor();
    }
  }

  /** Holds a database open until it is stopped: another process, for the test above. */
  public static final class HoldOpen {
    public static void main(String[] args) throws Exception {
      try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
        System.out.println("holding");
        System.out.flush();
        Thread.sleep(60_000);
      }
    }
  }

  /** Databases migrated with an earlier text of a script (another checksum) still open. */
  @Test
  void aScriptWhoseTextChangedSinceItRanIsAccepted() throws Exception {
    AccessStore.Location location = atVersion1();
    sql(location, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '1'");
    opensAndWorks(location);
  }

  private AccessStore.Location atVersion1() {
    AccessStore.Location location = AccessStore.Location.h2(dir);
    Flyway.configure()
        .dataSource(location.url(), location.user(), location.password())
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    return location;
  }

  private void opensAndWorks(AccessStore.Location location) throws Exception {
    AccessStore store = new AccessStore(location, SecretBox.open(null, dir), Clock.systemUTC());
    assertTrue(AccessStore.schemaCurrent(location), "opening the store migrated it");
    String account =
        store.createAccount("acme", URI.create("https://api.toriihq.com/v1.0"), "k").id();
    assertEquals("acme", store.account(account).orElseThrow().name());
  }

  private static void sql(AccessStore.Location location, String statement) throws Exception {
    try (Connection c =
            DriverManager.getConnection(location.url(), location.user(), location.password());
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
