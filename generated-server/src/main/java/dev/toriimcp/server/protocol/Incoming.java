package dev.toriimcp.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One message as a transport received it.
 *
 * @param message the parsed JSON-RPC message
 * @param headers HTTP header lookup by case-insensitive name (null over stdio)
 * @param sessionId the {@code Mcp-Session-Id} sent, or null
 */
public record Incoming(JsonNode message, Function<String, String> headers, String sessionId) {
  public boolean overHttp() {
    return headers != null;
  }

  /** A header value with surrounding white space removed, or null. */
  public String header(String name) {
    if (headers == null) {
      return null;
    }
    String v = headers.apply(name);
    return v == null ? null : v.strip();
  }
}
