package dev.toriimcp.server.transport;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection: the {@code Host} header must name this machine (or a configured host),
 * and an {@code Origin}, when a browser sends one, must too.
 */
public final class HostGuard {
  private final Set<String> hosts = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]", "::1"));

  public HostGuard(Set<String> extraHosts) {
    extraHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
  }

  /** Whether a {@code Host} header value (with optional port) is allowed. */
  public boolean hostAllowed(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    return hosts.contains(hostname(host.strip().toLowerCase(Locale.ROOT)));
  }

  /** Whether an {@code Origin} header is allowed; an absent one is (non-browser clients). */
  public boolean originAllowed(String origin) {
    if (origin == null) {
      return true;
    }
    if (origin.equals("null")) {
      return false;
    }
    try {
      URI u = URI.create(origin.strip());
      String h = u.getHost();
      return h != null && hosts.contains(h.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String hostname(String hostPort) {
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      return end < 0 ? hostPort : hostPort.substring(0, end + 1);
    }
    int colon = hostPort.lastIndexOf(':');
    return colon < 0 ? hostPort : hostPort.substring(0, colon);
  }
}
