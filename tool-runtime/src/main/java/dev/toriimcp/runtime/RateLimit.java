package dev.toriimcp.runtime;

/**
 * The upstream's documented limit for one operation.
 *
 * @param requestsPerMinute requests allowed per minute
 */
public record RateLimit(int requestsPerMinute) {
  public RateLimit {
    if (requestsPerMinute <= 0) {
      throw new IllegalArgumentException("requestsPerMinute must be positive");
    }
  }
}
