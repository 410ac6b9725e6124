package dev.toriimcp.server.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** Sends upstream requests with bounded time and bounded response size. Never retries. */
public final class UpstreamClient {

  /**
   * One upstream answer.
   *
   * @param status HTTP status
   * @param headers response headers
   * @param body the body, at most the size limit
   * @param tooLarge whether the body exceeded the limit (and was not read further)
   */
  public record Response(int status, HttpHeaders headers, byte[] body, boolean tooLarge) {}

  private final HttpClient client;
  private final long maxBodyBytes;

  public UpstreamClient(Duration connectTimeout, long maxBodyBytes) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool(daemonThreads()))
            .build();
    this.maxBodyBytes = maxBodyBytes;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "upstream-http");
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Sends a request.
   *
   * @throws IOException on connection problems and timeouts
   */
  public Response send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      boolean tooLarge = body.length > maxBodyBytes;
      return new Response(r.statusCode(), r.headers(), tooLarge ? new byte[0] : body, tooLarge);
    }
  }
}
