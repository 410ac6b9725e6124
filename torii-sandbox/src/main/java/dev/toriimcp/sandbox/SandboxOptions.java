package dev.toriimcp.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a {@link ToriiSandbox}. Build with {@link #builder()}; {@link #defaults()} gives a
 * free port on 127.0.0.1, the default seed, no rate limiting, the system clock and no latency.
 */
public final class SandboxOptions {
  /** The seed of the standard demo data. */
  public static final long DEFAULT_SEED = 20260302L;

  /** The default date the demo data describes (see {@link #dataDate()}). */
  public static final LocalDate DEFAULT_DATA_DATE = SeedData.DEFAULT_DATA_DATE;

  /** The sandbox's API key: well-known demo data, not a secret. */
  public static final String DEFAULT_API_KEY = "sandbox-demo-key";

  private final String host;
  private final int port;
  private final long seed;
  private final Map<String, Integer> rateLimits;
  private final Clock clock;
  private final Duration latency;
  private final boolean rateLimitHeaders;
  private final String apiKey;
  private final LocalDate dataDate;

  private SandboxOptions(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.seed = b.seed;
    this.rateLimits = Map.copyOf(b.rateLimits);
    this.clock = b.clock;
    this.latency = b.latency;
    this.rateLimitHeaders = b.rateLimitHeaders;
    this.apiKey = b.apiKey;
    this.dataDate = b.dataDate;
  }

  public static SandboxOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Torii's documented per-operation limits (requests per minute) for the operations the sandbox
   * implements. Pass them to {@link Builder#rateLimits(Map)} to behave like the real API.
   */
  public static Map<String, Integer> documentedRateLimits() {
    Map<String, Integer> limits = new LinkedHashMap<>();
    limits.put("getOrgsMy", 100);
    limits.put("getUsers", 100);
    limits.put("getUsersIduser", 800);
    limits.put("putUsersIduser", 200);
    limits.put("getUsersFields", 200);
    limits.put("getUsersMetadata", 200);
    limits.put("getUsersIduserApps", 800);
    limits.put("getUsersIduserAppsIdapp", 800);
    limits.put("putUsersIduserAppsIdapp", 200);
    limits.put("getApps", 200);
    limits.put("postApps", 200);
    limits.put("getAppsSearch", 100);
    limits.put("getAppsIdapp", 400);
    limits.put("putAppsIdapp", 100);
    limits.put("postAppsCustom", 200);
    limits.put("postAppsMatch", 100);
    limits.put("getAppsIdappUsers", 600);
    limits.put("getAppsFields", 200);
    limits.put("getAppsMetadata", 200);
    limits.put("getContracts", 100);
    limits.put("postContracts", 200);
    limits.put("getContractsIdcontract", 800);
    limits.put("putContractsIdcontract", 400);
    limits.put("deleteContractsIdcontract", 200);
    limits.put("getContractsFields", 200);
    limits.put("getContractsMetadata", 200);
    limits.put("getRoles", 100);
    limits.put("getAudit", 200);
    limits.put("getWorkflows", 500);
    limits.put("getWorkflowsIdworkflow", 200);
    limits.put("getWorkflowsActionexecutions", 500);
    limits.put("getWorkflowsAudit", 200);
    limits.put("postWorkflowsIdworkflowTrigger", 100);
    limits.put("getFilesUrl", 200);
    limits.put("postFiles", 200);
    limits.put("postFilesUpload", 200);
    limits.put("getFilesId", 600);
    limits.put("getFilesIdDownload", 600);
    return limits;
  }

  /** Interface to bind; {@code 127.0.0.1} by default. */
  public String host() {
    return host;
  }

  /** Port to listen on; 0 picks a free port. */
  public int port() {
    return port;
  }

  /** Seed of the demo data. */
  public long seed() {
    return seed;
  }

  /** Requests per minute by operationId; empty means no limiting. */
  public Map<String, Integer> rateLimits() {
    return rateLimits;
  }

  /** Clock for rate-limit windows and the timestamps of writes. */
  public Clock clock() {
    return clock;
  }

  /** Delay added before every response; {@link Duration#ZERO} for none. */
  public Duration latency() {
    return latency;
  }

  /** Whether limited operations send {@code ratelimit-limit/-remaining/-reset} headers. */
  public boolean rateLimitHeaders() {
    return rateLimitHeaders;
  }

  /** The bearer token the sandbox accepts. */
  public String apiKey() {
    return apiKey;
  }

  /**
   * The date the demo data describes. Seeded dates (contract terms, last visits, audit history) are
   * relative to it; the default is the fixed {@link #DEFAULT_DATA_DATE} so that the data is
   * identical on every run. Use today's date for demos that should look current.
   */
  public LocalDate dataDate() {
    return dataDate;
  }

  /** Builder for {@link SandboxOptions}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private long seed = DEFAULT_SEED;
    private Map<String, Integer> rateLimits = Map.of();
    private Clock clock = Clock.systemUTC();
    private Duration latency = Duration.ZERO;
    private boolean rateLimitHeaders = true;
    private String apiKey = DEFAULT_API_KEY;
    private LocalDate dataDate = DEFAULT_DATA_DATE;

    private Builder() {}

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0-65535");
      }
      this.port = port;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder rateLimits(Map<String, Integer> rateLimits) {
      rateLimits.forEach(
          (op, limit) -> {
            if (limit == null || limit <= 0) {
              throw new IllegalArgumentException("rate limit for " + op + " must be positive");
            }
          });
      this.rateLimits = Map.copyOf(rateLimits);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder latency(Duration latency) {
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative");
      }
      this.latency = latency;
      return this;
    }

    public Builder rateLimitHeaders(boolean send) {
      this.rateLimitHeaders = send;
      return this;
    }

    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank");
      }
      this.apiKey = apiKey;
      return this;
    }

    public Builder dataDate(LocalDate dataDate) {
      this.dataDate = Objects.requireNonNull(dataDate);
      return this;
    }

    public SandboxOptions build() {
      return new SandboxOptions(this);
    }
  }
}
