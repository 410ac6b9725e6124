package dev.toriimcp.server.protocol;

import java.util.List;

/** The MCP revisions this server speaks. */
public final class Versions {
  /** Revisions with the initialize handshake and sessions. */
  public static final List<String> STATEFUL = List.of("2025-11-25", "2025-06-18");

  /** Revisions without a handshake: every request carries its version in {@code _meta}. */
  public static final List<String> STATELESS = List.of("2026-07-28");

  /** Every supported revision, newest first. */
  public static final List<String> ALL = List.of("2026-07-28", "2025-11-25", "2025-06-18");

  public static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
  public static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
  public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  private Versions() {}

  public static boolean stateless(String version) {
    return STATELESS.contains(version);
  }
}
