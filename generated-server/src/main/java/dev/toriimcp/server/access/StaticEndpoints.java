package dev.toriimcp.server.access;

import dev.toriimcp.server.runtime.EndpointContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Endpoints held in memory, by token hash: the full-access endpoint of a plain {@code serve}. */
public final class StaticEndpoints implements EndpointResolver {
  private final Map<String, EndpointContext> byHash = new ConcurrentHashMap<>();

  /** Registers an endpoint and returns its token (the only time it is visible). */
  public String add(EndpointContext endpoint) {
    String token = Tokens.newToken();
    byHash.put(Tokens.hash(token), endpoint);
    return token;
  }

  @Override
  public Resolution resolve(String urlToken, String authorization) {
    if (!Tokens.wellFormed(urlToken)) {
      return new NotFound();
    }
    String hash = Tokens.hash(urlToken);
    for (Map.Entry<String, EndpointContext> e : byHash.entrySet()) {
      if (java.security.MessageDigest.isEqual(
          e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
        return new Found(e.getValue());
      }
    }
    return new NotFound();
  }
}
