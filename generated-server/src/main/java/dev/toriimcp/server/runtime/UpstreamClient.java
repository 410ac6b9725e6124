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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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

  /**
   * Ends the bodies that are still arriving when their request's time is up. A deadline is removed
   * as soon as its call ends, so finished calls are not kept until it would have fired.
   */
  private static final ScheduledExecutorService DEADLINES = deadlines();

  private static ScheduledExecutorService deadlines() {
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "upstream-deadlines");
              t.setDaemon(true);
              return t;
            });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

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
    HttpRequest timed =
        request.timeout().isPresent()
            ? request
            : HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    // The request timeout ends the wait for the headers; this deadline also ends the body's.
    AtomicReference<Bounded> reading = new AtomicReference<>();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        DEADLINES.schedule(
            () -> {
              expired.set(true);
              Bounded b = reading.get();
              if (b != null) {
                b.expire();
              }
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    HttpResponse<Bounded.Body> r;
    try {
      // send(), not sendAsync(): the JDK's sendAsync hands every answer to the common pool, which
      // on a machine with one or two cores means a new thread for every call.
      r =
          client.send(
              timed,
              info -> {
                Bounded b = new Bounded(maxBodyBytes);
                reading.set(b);
                if (expired.get()) {
                  b.expire();
                }
                return b;
              });
    } catch (HttpTimeoutException e) {
      throw e;
    } catch (IOException e) {
      if (expired.get()) {
        throw new HttpTimeoutException("request timed out");
      }
      // send() wraps what went wrong in a plain IOException; report the original
      if (e.getClass() == IOException.class && e.getCause() instanceof IOException cause) {
        throw cause;
      }
      throw e;
    } finally {
      deadline.cancel(false);
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
    private volatile Flow.Subscription subscription;

    Bounded(long max) {
      this.max = max;
    }

    /** Gives up on the body: the answer becomes a timeout and the connection is dropped. */
    void expire() {
      if (result.completeExceptionally(new HttpTimeoutException("request timed out"))) {
        Flow.Subscription s = subscription;
        if (s != null) {
          s.cancel();
        }
      }
    }

    @Override
    public CompletionStage<Body> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (result.isDone()) {
        s.cancel();
        return;
      }
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
