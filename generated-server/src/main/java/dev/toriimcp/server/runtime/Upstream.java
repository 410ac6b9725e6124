package dev.toriimcp.server.runtime;

import java.net.URI;
import java.util.Objects;

/**
 * Where tool calls go and how they authenticate. The API key never appears in {@link #toString()}.
 *
 * @param baseUrl e.g. {@code https://api.toriihq.com/v1.0}
 * @param apiKey the bearer token
 */
public record Upstream(URI baseUrl, String apiKey) {
  public Upstream {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    String scheme = baseUrl.getScheme();
    if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException("the base URL must be http or https: " + baseUrl);
    }
  }

  @Override
  public String toString() {
    return "Upstream[" + baseUrl + ", apiKey=(hidden)]";
  }
}
