package dev.toriimcp.server.access;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which base URLs an integrated account may point at. Whoever holds an admin API token can create
 * accounts; without this rule they could make the server send requests, with a Torii API key
 * attached, to any host it can reach (internal services, cloud metadata addresses). By default only
 * {@code https} on {@code toriihq.com} and its subdomains is accepted; an operator adds other hosts
 * (a proxy, a test double) explicitly with {@code --allowed-upstream}.
 *
 * @param extraHosts host names or addresses accepted with {@code http} or {@code https}
 */
public record UpstreamPolicy(Set<String> extraHosts) {
  public static final UpstreamPolicy TORII_ONLY = new UpstreamPolicy(Set.of());

  public UpstreamPolicy {
    TreeSet<String> hosts = new TreeSet<>();
    extraHosts.forEach(h -> hosts.add(h.strip().toLowerCase(Locale.ROOT)));
    extraHosts = Set.copyOf(hosts);
  }

  /** Why {@code uri} may not be used as a base URL, or null when it may. */
  public String refusal(URI uri) {
    String scheme = uri.getScheme();
    String host = uri.getHost();
    if (scheme == null
        || host == null
        || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
      return "base_url must be an http or https URL such as https://api.toriihq.com/v1.0";
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return "base_url must not carry user information, a query or a fragment";
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (extraHosts.contains(h)) {
      return null;
    }
    if (scheme.equalsIgnoreCase("https")
        && (h.equals("toriihq.com") || h.endsWith(".toriihq.com"))) {
      return null;
    }
    return "base_url must be an https URL on toriihq.com such as https://api.toriihq.com/v1.0;"
        + " this server accepts "
        + h
        + " only when started with --allowed-upstream "
        + h;
  }
}
