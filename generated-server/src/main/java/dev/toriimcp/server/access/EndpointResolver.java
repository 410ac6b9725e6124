package dev.toriimcp.server.access;

import dev.toriimcp.server.runtime.EndpointContext;

/** Finds the endpoint behind a URL token, checking any second factor the endpoint requires. */
public interface EndpointResolver {

  /** The outcome of resolving one request. */
  sealed interface Resolution {}

  /** The token is valid: here is what the endpoint may do. */
  record Found(EndpointContext endpoint) implements Resolution {}

  /** No such endpoint (also: expired, revoked, malformed). Answered with 404. */
  record NotFound() implements Resolution {}

  /**
   * The endpoint exists but needs a valid API token in {@code Authorization}. Answered with 401.
   */
  record Unauthorized() implements Resolution {}

  /**
   * @param urlToken the token from {@code /mcp/<token>}
   * @param authorization the {@code Authorization} header, or null
   */
  Resolution resolve(String urlToken, String authorization);
}
