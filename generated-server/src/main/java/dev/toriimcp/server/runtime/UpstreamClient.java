package dev.toriimcp.server.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends upstream requests with bounded time and bounded response size. Never retries.
 *
 * <p>The request's own timeout ({@link HttpRequest#timeout()}) bounds the whole exchange, body
 * included: an upstream that sends its headers and then stalls is given up on like one that never
 * answers. A body larger than the limit is not read further.
 */
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

  /** Used when a request carries no timeout of its own. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client;
  private final long maxBodyBytes;

  /**
   * @param connectTimeout how long connecting may take
   * @param maxBodyBytes the largest response body read
   */
  public UpstreamClient(Duration connectTimeout, long maxBodyBytes) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            // Answers are handed to the caller by the client's selector thread itself: a pool
            // would add a thread hand-off to every call and nothing here blocks.
            .executor(Runnable::run)
            .build();
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Sends a request and reads its answer within the request's timeout.
   *
   * @throws HttpTimeoutException when the whole answer did not arrive in time
   * @throws IOException on other connection problems
   * @throws InterruptedException when the calling thread is interrupted (the call is abandoned)
   */
  public Response send(HttpRequest request) throws IOException, InterruptedException {
    Duration timeout = request.timeout().orElse(DEFAULT_TIMEOUT);
    CompletableFuture<HttpResponse<Bounded.Body>> future =
        client.sendAsync(request, info -> new Bounded(maxBodyBytes));
    HttpResponse<Bounded.Body> r;
    try {
      r = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new HttpTimeoutException("request timed out");
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while ((cause instanceof CompletionException || cause instanceof ExecutionException)
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? "upstream call failed" : cause.getClass().getName());
    }
    Bounded.Body body = r.body();
    return new Response(r.statusCode(), r.headers(), body.bytes(), body.tooLarge());
  }

  /** Collects a body up to a limit, then stops reading (the connection is dropped). */
  static final class Bounded implements HttpResponse.BodySubscriber<Bounded.Body> {
    record Body(byte[] bytes, boolean tooLarge) {}

    private final long max;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Bounded(long max) {
      this.max = max;
    }

    @Override
    public CompletionStage<Body> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        int n = b.remaining();
        if (out.size() + (long) n > max) {
          subscription.cancel();
          result.complete(new Body(new byte[0], true));
          return;
        }
        byte[] chunk = new byte[n];
        b.get(chunk);
        out.writeBytes(chunk);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(new Body(out.toByteArray(), false));
    }
  }
}
