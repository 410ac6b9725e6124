package dev.toriimcp.server.access;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Accounts, scoped servers and API tokens in a SQL database (an H2 file by default, PostgreSQL for
 * several replicas). Every write is one statement, so a crash never leaves half a row; nothing is
 * cached here, so every replica sees every change at once.
 */
public final class AccessStore {

  /** Where the database is. */
  public record Location(String url, String user, String password) {
    /**
     * The embedded H2 file. {@code WRITE_DELAY=0}: a commit reaches the file before it returns, so
     * a killed process loses nothing it confirmed (H2's default delays the write by half a second).
     */
    public static Location h2(Path dataDir) {
      return new Location(
          "jdbc:h2:file:"
              + dataDir.toAbsolutePath().resolve("torii-mcp")
              + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
          "sa",
          "");
    }

    @Override
    public String toString() {
      return "Location[" + url + "]";
    }
  }

  /** A Torii connection, without its key. */
  public record Account(String id, String name, String baseUrl, Instant createdAt) {}

  /** A scoped server, without its token. */
  public record Server(
      String id,
      String accountId,
      String name,
      ServerConfig config,
      Instant expiresAt,
      boolean requireApiTokenAuth,
      Instant createdAt) {}

  /** An admin API token, without its value. */
  public record ApiToken(String id, String name, Instant createdAt) {}

  private final Location location;
  private final SecretBox secrets;
  private final Clock clock;

  /**
   * The version of the newest migration in {@code db/migration} ({@code V<n>__….sql}); {@code
   * MigrationTest} keeps it in step with the files.
   */
  static final int SCHEMA_VERSION = 2;

  public AccessStore(Location location, SecretBox secrets, Clock clock) {
    this.location = location;
    this.secrets = secrets;
    this.clock = clock;
    if (!schemaCurrent(location)) {
      migrate(location);
    }
  }

  /**
   * Brings the schema up to date. Every migration can run again, so Flyway first repairs its
   * history (drops the entries of migrations that failed halfway, and takes the scripts' current
   * checksums) and then runs whatever is not recorded as applied. On H2 Flyway connects with {@code
   * DB_CLOSE_ON_EXIT=FALSE}: otherwise H2's shutdown hook closed the database under a migration
   * that a stopping server waits for, and the next start found it half applied. H2 allows that only
   * without its automatic server, so when another process holds the database open, the migration
   * goes through that process instead.
   */
  private static void migrate(Location location) {
    if (location.url().startsWith("jdbc:h2:")) {
      try {
        migrate(
            location.url().replace(";AUTO_SERVER=TRUE", "") + ";DB_CLOSE_ON_EXIT=FALSE", location);
        return;
      } catch (FlywayException e) {
        if (!inUseElsewhere(e)) {
          throw e;
        }
      }
    }
    migrate(location.url(), location);
  }

  private static void migrate(String url, Location location) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(url, location.user(), location.password())
            .locations("classpath:db/migration")
            .load();
    flyway.repair();
    flyway.migrate();
  }

  /** Whether H2 refused the connection because another process has the database open. */
  private static boolean inUseElsewhere(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every migration up to {@link #SCHEMA_VERSION} is applied, and none failed. Flyway
   * (about a third of the server's start) runs only when not: on a new database or after an
   * upgrade.
   */
  static boolean schemaCurrent(Location location) {
    try (Connection c = connect(location);
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL")) {
      int newest = 0;
      while (r.next()) {
        if (!r.getBoolean(2)) {
          return false;
        }
        newest = Math.max(newest, Integer.parseInt(r.getString(1)));
      }
      return newest == SCHEMA_VERSION;
    } catch (SQLException | NumberFormatException e) {
      return false; // no history yet, or one this check does not understand: Flyway decides
    }
  }

  public Clock clock() {
    return clock;
  }

  private Connection connect() throws SQLException {
    return connect(location);
  }

  /**
   * Keeps an embedded H2 database open until the returned handle is closed. Every query opens its
   * own connection, and H2 closes the database with its last one, so without this each scoped
   * request after a quiet moment would open the database file again. Nothing for PostgreSQL.
   */
  public AutoCloseable holdOpen() {
    if (!location.url().startsWith("jdbc:h2:")) {
      return () -> {};
    }
    try {
      return connect();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the access database: " + e.getMessage(), e);
    }
  }

  /** How many sessions the database has open now (H2 only; -1 elsewhere). */
  int openSessions() {
    if (!location.url().startsWith("jdbc:h2:")) {
      return -1;
    }
    try (Connection c = connect();
        ResultSet r =
            c.createStatement().executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
      r.next();
      return r.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect(Location location) throws SQLException {
    return DriverManager.getConnection(location.url(), location.user(), location.password());
  }

  // ---- accounts ---------------------------------------------------------------------------

  public Account createAccount(String name, URI baseUrl, String apiKey) {
    Account a = new Account(UUID.randomUUID().toString(), name, baseUrl.toString(), now());
    update(
        "INSERT INTO integrated_account (id, name, base_url, api_key_encrypted, created_at) VALUES (?, ?, ?, ?, ?)",
        a.id(),
        a.name(),
        a.baseUrl(),
        secrets.encrypt(apiKey),
        Timestamp.from(a.createdAt()));
    return a;
  }

  /** The account named {@code name} with this URL and key, created or updated. */
  public Account upsertAccount(String name, URI baseUrl, String apiKey) {
    Optional<Account> existing =
        listAccounts().stream().filter(a -> a.name().equals(name)).findFirst();
    if (existing.isEmpty()) {
      return createAccount(name, baseUrl, apiKey);
    }
    update(
        "UPDATE integrated_account SET base_url = ?, api_key_encrypted = ? WHERE id = ?",
        baseUrl.toString(),
        secrets.encrypt(apiKey),
        existing.get().id());
    return new Account(existing.get().id(), name, baseUrl.toString(), existing.get().createdAt());
  }

  public List<Account> listAccounts() {
    return query(
        "SELECT id, name, base_url, created_at FROM integrated_account ORDER BY created_at, id",
        rs ->
            new Account(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
  }

  public Optional<Account> account(String id) {
    return query(
            "SELECT id, name, base_url, created_at FROM integrated_account WHERE id = ?",
            rs ->
                new Account(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()),
            id)
        .stream()
        .findFirst();
  }

  /** The decrypted API key of an account. */
  public String apiKey(String accountId) {
    return query(
            "SELECT api_key_encrypted FROM integrated_account WHERE id = ?",
            rs -> rs.getString(1),
            accountId)
        .stream()
        .findFirst()
        .map(secrets::decrypt)
        .orElseThrow();
  }

  public boolean deleteAccount(String id) {
    return update("DELETE FROM integrated_account WHERE id = ?", id) > 0;
  }

  // ---- servers ----------------------------------------------------------------------------

  /** A new server and its token (the only time the token exists in clear). */
  public record Created(Server server, String token) {}

  public Created createServer(
      String accountId,
      String name,
      ServerConfig config,
      Instant expiresAt,
      boolean requireApiTokenAuth) {
    String token = Tokens.newToken();
    Server s =
        new Server(
            UUID.randomUUID().toString(),
            accountId,
            name,
            config,
            expiresAt,
            requireApiTokenAuth,
            now());
    update(
        "INSERT INTO mcp_server (id, account_id, name, methods, tags, tool_exposure, schema_profile, expires_at, require_api_token_auth, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        s.id(),
        accountId,
        name,
        String.join(",", config.methods()),
        String.join(",", config.tags()),
        config.toolExposure(),
        config.schemaProfile(),
        expiresAt == null ? null : Timestamp.from(expiresAt),
        requireApiTokenAuth,
        Tokens.hash(token),
        Timestamp.from(s.createdAt()));
    return new Created(s, token);
  }

  private static final String SERVER_COLUMNS =
      "id, account_id, name, methods, tags, tool_exposure, expires_at, require_api_token_auth, created_at,"
          + " schema_profile";

  private static Server server(ResultSet rs) throws SQLException {
    Timestamp expires = rs.getTimestamp(7);
    return new Server(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        new ServerConfig(
            split(rs.getString(4)), split(rs.getString(5)), rs.getString(6), rs.getString(10)),
        expires == null ? null : expires.toInstant(),
        rs.getBoolean(8),
        rs.getTimestamp(9).toInstant());
  }

  private static List<String> split(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
  }

  public List<Server> listServers(String accountId) {
    return query(
        "SELECT "
            + SERVER_COLUMNS
            + " FROM mcp_server WHERE account_id = ? ORDER BY created_at, id",
        AccessStore::server,
        accountId);
  }

  public Optional<Server> server(String accountId, String id) {
    return query(
            "SELECT " + SERVER_COLUMNS + " FROM mcp_server WHERE account_id = ? AND id = ?",
            AccessStore::server,
            accountId,
            id)
        .stream()
        .findFirst();
  }

  /** The live (unexpired) server behind a token hash. */
  public Optional<Server> serverByTokenHash(String hash) {
    return query(
            "SELECT " + SERVER_COLUMNS + " FROM mcp_server WHERE token_hash = ?",
            AccessStore::server,
            hash)
        .stream()
        .filter(s -> s.expiresAt() == null || s.expiresAt().isAfter(now()))
        .findFirst();
  }

  public void updateServer(Server s) {
    update(
        "UPDATE mcp_server SET name = ?, methods = ?, tags = ?, tool_exposure = ?, schema_profile = ?, expires_at = ? WHERE id = ? AND account_id = ?",
        s.name(),
        String.join(",", s.config().methods()),
        String.join(",", s.config().tags()),
        s.config().toolExposure(),
        s.config().schemaProfile(),
        s.expiresAt() == null ? null : Timestamp.from(s.expiresAt()),
        s.id(),
        s.accountId());
  }

  public boolean deleteServer(String accountId, String id) {
    return update("DELETE FROM mcp_server WHERE account_id = ? AND id = ?", accountId, id) > 0;
  }

  /** Removes expired servers; returns how many. */
  public int deleteExpired() {
    return update(
        "DELETE FROM mcp_server WHERE expires_at IS NOT NULL AND expires_at <= ?",
        Timestamp.from(now()));
  }

  // ---- API tokens -------------------------------------------------------------------------

  /** A new API token and its value. */
  public record CreatedToken(ApiToken token, String value) {}

  public CreatedToken createApiToken(String name) {
    String value = Tokens.newToken();
    ApiToken t = new ApiToken(UUID.randomUUID().toString(), name, now());
    update(
        "INSERT INTO api_token (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
        t.id(),
        name,
        Tokens.hash(value),
        Timestamp.from(t.createdAt()));
    return new CreatedToken(t, value);
  }

  public List<ApiToken> listApiTokens() {
    return query(
        "SELECT id, name, created_at FROM api_token ORDER BY created_at, id",
        rs -> new ApiToken(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
  }

  public boolean revokeApiToken(String id) {
    return update("DELETE FROM api_token WHERE id = ?", id) > 0;
  }

  /** Whether a presented API token is valid (looked up by hash, compared in constant time). */
  public boolean apiTokenValid(String presented) {
    if (!Tokens.wellFormed(presented)) {
      return false;
    }
    String hash = Tokens.hash(presented);
    return query(
            "SELECT token_hash FROM api_token WHERE token_hash = ?", rs -> rs.getString(1), hash)
        .stream()
        .anyMatch(stored -> Tokens.matches(stored, presented));
  }

  // ---- plumbing ---------------------------------------------------------------------------

  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Row<T> row, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.read(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException("the access database cannot be read (" + e.getSQLState() + ")", e);
    }
  }

  private int update(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(
          "the access database cannot be written (" + e.getSQLState() + ")", e);
    }
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  /** A database failure, with a message that names no secret. */
  public static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
