package dev.toriimcp.server.access;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The access store, opened on a thread of its own when something first needs it ({@link #now()}) or
 * once a delay has passed ({@link #after(Duration)}), whichever comes first.
 *
 * <p>{@code serve} starts the delay when it has printed its banner: connecting to the database,
 * starting H2 and checking the schema take about a tenth of a second of CPU, which at start would
 * otherwise compete on small machines with the first client's {@code initialize} and {@code
 * tools/list}, none of which need the store.
 */
public final class StoreOpening {
  private static final int WAITING = 0;
  private static final int OPENING = 1;
  private static final int ABANDONED = 2;

  private final Callable<AccessStore> open;
  private final CompletableFuture<AccessStore> result = new CompletableFuture<>();
  private final CountDownLatch go = new CountDownLatch(1);
  private final AtomicInteger state = new AtomicInteger(WAITING);
  private final AtomicInteger threads = new AtomicInteger();

  private StoreOpening(Callable<AccessStore> open) {
    this.open = open;
  }

  /** A store {@code open} makes when asked to. */
  public static StoreOpening of(Callable<AccessStore> open) {
    return new StoreOpening(open);
  }

  /** A store that is already open. */
  public static StoreOpening opened(AccessStore store) {
    StoreOpening s = new StoreOpening(() -> store);
    s.state.set(OPENING);
    s.result.complete(store);
    return s;
  }

  /** Completes with the open store, with what opening it threw, or cancelled if abandoned. */
  public CompletableFuture<AccessStore> result() {
    return result;
  }

  /** Opens the store at once, unless that has begun already. */
  public void now() {
    go.countDown();
    begin(Duration.ZERO);
  }

  /** Opens the store once {@code delay} has passed, unless {@link #now()} comes first. */
  public void after(Duration delay) {
    begin(delay);
  }

  /**
   * Never opens the store if opening has not begun (the result is then cancelled); an opening
   * already under way goes on.
   */
  public void abandon() {
    if (state.compareAndSet(WAITING, ABANDONED)) {
      result.cancel(false);
    }
    go.countDown();
  }

  private void begin(Duration delay) {
    if (state.get() != WAITING || threads.getAndIncrement() > 0) {
      return;
    }
    Thread t = new Thread(() -> open(delay), "open-store");
    t.setDaemon(true);
    t.start();
  }

  private void open(Duration delay) {
    try {
      go.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!state.compareAndSet(WAITING, OPENING)) {
      return;
    }
    try {
      result.complete(open.call());
    } catch (Throwable e) {
      result.completeExceptionally(e);
    }
  }
}
