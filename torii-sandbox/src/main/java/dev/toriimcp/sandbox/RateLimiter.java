package dev.toriimcp.sandbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-operation request limits over fixed one-minute windows of the sandbox clock (windows start at
 * whole minutes, as {@code epochSecond / 60}).
 */
final class RateLimiter {
  private final Map<String, Integer> limits;
  private final Clock clock;
  private final Map<String, long[]> windows = new HashMap<>();

  RateLimiter(Map<String, Integer> limits, Clock clock) {
    this.limits = Map.copyOf(limits);
    this.clock = clock;
  }

  /**
   * The outcome of one request against its operation's limit.
   *
   * @param allowed whether the request may proceed
   * @param limit requests per minute
   * @param remaining requests left in this window after this one
   * @param resetSeconds seconds until the window resets
   */
  record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {}

  /** Counts a request; null when the operation is not limited. */
  synchronized Decision acquire(String operationId) {
    Integer limit = limits.get(operationId);
    if (limit == null) {
      return null;
    }
    long nowMillis = clock.millis();
    long window = Math.floorDiv(nowMillis, 60_000L);
    long resetSeconds = Math.max(1, (int) Math.ceil(((window + 1) * 60_000L - nowMillis) / 1000.0));
    long[] counter = windows.computeIfAbsent(operationId, k -> new long[] {window, 0});
    if (counter[0] != window) {
      counter[0] = window;
      counter[1] = 0;
    }
    if (counter[1] >= limit) {
      return new Decision(false, limit, 0, resetSeconds);
    }
    counter[1]++;
    return new Decision(true, limit, (int) (limit - counter[1]), resetSeconds);
  }
}
