package dev.toriimcp.server.access;

import dev.toriimcp.server.runtime.EndpointContext;
import dev.toriimcp.server.runtime.Upstream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scoped servers from the access store, checked on every request: the token (by hash), expiry, the
 * second factor, and the tool filter. Answers are cached for at most one second, so a deletion or
 * expiry made through any replica takes effect everywhere within a second. A background sweeper
 * removes expired servers.
 */
public final class StoredEndpoints implements EndpointResolver, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StoredEndpoints.class.getName());
  private static final long CACHE_MILLIS = 1000;

  private final AccessStore store;
  private final EndpointResolver first;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;
  private final AutoCloseable held;

  private record Cached(Optional<AccessStore.Server> server, long at) {}

  /**
   * @param first endpoints tried before the store (the process's own full-access endpoint)
   */
  public StoredEndpoints(AccessStore store, EndpointResolver first, long sweepSeconds) {
    this.store = store;
    this.first = first;
    this.held = store.holdOpen();
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "expired-server-sweeper");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(this::sweep, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
  }

  /** Deletes expired servers now; returns how many. */
  public int sweep() {
    try {
      int n = store.deleteExpired();
      if (n > 0) {
        LOG.info("removed " + n + " expired MCP server(s)");
      }
      return n;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "sweeping expired servers failed: " + e.getMessage());
      return 0;
    }
  }

  @Override
  public Resolution resolve(String urlToken, String authorization) {
    Resolution r = first.resolve(urlToken, authorization);
    if (r instanceof Found || !Tokens.wellFormed(urlToken)) {
      return r;
    }
    String hash = Tokens.hash(urlToken);
    long now = System.currentTimeMillis();
    Cached c = cache.get(hash);
    if (c == null || now - c.at() > CACHE_MILLIS) {
      c = new Cached(store.serverByTokenHash(hash), now);
      cache.put(hash, c);
      if (cache.size() > 10_000) {
        cache.clear();
      }
    }
    Optional<AccessStore.Server> found = c.server();
    if (found.isEmpty()
        || (found.get().expiresAt() != null
            && !found.get().expiresAt().isAfter(store.clock().instant()))) {
      return new NotFound();
    }
    AccessStore.Server s = found.get();
    if (s.requireApiTokenAuth() && !store.apiTokenValid(bearer(authorization))) {
      return new Unauthorized();
    }
    Optional<AccessStore.Account> account = store.account(s.accountId());
    if (account.isEmpty()) {
      return new NotFound();
    }
    Upstream upstream =
        new Upstream(URI.create(account.get().baseUrl()), store.apiKey(s.accountId()));
    return new Found(
        new EndpointContext(
            "server:" + s.id(),
            s.config().filter(),
            upstream,
            s.config().discovery(),
            s.config().portable()));
  }

  /** The token of an {@code Authorization: Bearer} header, or null. */
  public static String bearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    String a = authorization.strip();
    return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).strip() : null;
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    try {
      held.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "closing the access database failed: " + e.getMessage());
    }
  }
}
