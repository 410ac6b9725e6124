package dev.toriimcp.server.cli;

import dev.toriimcp.server.access.AccessStore;
import dev.toriimcp.server.access.SecretBox;
import dev.toriimcp.server.access.StoreOpening;
import dev.toriimcp.server.access.UpstreamPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Where accounts, scoped servers and API tokens are kept. */
final class StoreOptions {
  @Option(
      names = "--data-dir",
      description =
          "Directory of the embedded database and the master key file (default: ~/.torii-mcp).")
  Path dataDir;

  @Option(
      names = "--db-url",
      description =
          "A JDBC URL instead of the embedded H2 file, e.g. jdbc:postgresql://127.0.0.1:5432/torii_mcp.")
  String dbUrl;

  @Option(names = "--db-user", description = "Database user (with --db-url).")
  String dbUser;

  @Option(
      names = "--db-password-env",
      description =
          "Environment variable holding the database password (default: ${DEFAULT-VALUE}).",
      defaultValue = "TORII_MCP_DB_PASSWORD")
  String dbPasswordEnv;

  @Option(
      names = "--allowed-upstream",
      description =
          "A host integrated accounts may use as base URL besides https on toriihq.com (repeatable).")
  List<String> allowedUpstreams = List.of();

  UpstreamPolicy upstreamPolicy() {
    return new UpstreamPolicy(Set.copyOf(allowedUpstreams));
  }

  Path dataDir() {
    return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".torii-mcp");
  }

  AccessStore open() throws IOException {
    return new AccessStore(location(), secrets(), Clock.systemUTC());
  }

  /**
   * The store, to be opened on a background thread ({@link StoreOpening}). The master key (and with
   * it the data directory) is read here, on the calling thread, so that a broken data directory or
   * key fails at once; the database itself (connecting, checking or migrating its schema) is what
   * takes time.
   */
  StoreOpening opening() throws IOException {
    AccessStore.Location location = location();
    SecretBox box = secrets();
    return StoreOpening.of(() -> new AccessStore(location, box, Clock.systemUTC()));
  }

  private AccessStore.Location location() {
    return dbUrl == null
        ? AccessStore.Location.h2(dataDir())
        : new AccessStore.Location(
            dbUrl, dbUser == null ? "" : dbUser, System.getenv().getOrDefault(dbPasswordEnv, ""));
  }

  private SecretBox secrets() throws IOException {
    return SecretBox.open(System.getenv("TORII_MCP_MASTER_KEY"), dataDir());
  }
}
