package dev.toriimcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the store opens: asked for, after the delay, never when abandoned first; and only once. */
class StoreOpeningTest {
  private final AtomicInteger opened = new AtomicInteger();

  private StoreOpening counting() {
    return StoreOpening.of(
        () -> {
          opened.incrementAndGet();
          return null;
        });
  }

  @Test
  void opensOnlyOnceTheDelayHasPassed() throws Exception {
    StoreOpening s = counting();
    Thread.sleep(200);
    assertEquals(0, opened.get(), "nothing opens before it is asked for");
    long start = System.nanoTime();
    s.after(Duration.ofMillis(300));
    assertNull(s.result().get(10, TimeUnit.SECONDS));
    assertTrue(System.nanoTime() - start >= 300_000_000L, "not before the delay");
    s.after(Duration.ZERO);
    s.now();
    Thread.sleep(100);
    assertEquals(1, opened.get(), "opened once");
  }

  @Test
  void nowDoesNotWaitForTheDelay() throws Exception {
    StoreOpening s = counting();
    s.after(Duration.ofHours(1));
    Thread.sleep(100);
    assertFalse(s.result().isDone());
    s.now();
    s.result().get(10, TimeUnit.SECONDS);
    assertEquals(1, opened.get());
  }

  @Test
  void abandonedBeforeOpeningItNeverOpens() throws Exception {
    StoreOpening s = counting();
    s.after(Duration.ofMillis(100));
    s.abandon();
    s.now();
    Thread.sleep(400);
    assertEquals(0, opened.get());
    assertTrue(s.result().isCancelled());
  }

  @Test
  void anOpeningUnderWayIsNotAbandoned() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StoreOpening s =
        StoreOpening.of(
            () -> {
              entered.countDown();
              release.await();
              return null;
            });
    s.now();
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    s.abandon();
    release.countDown();
    assertNull(s.result().get(10, TimeUnit.SECONDS));
    assertFalse(s.result().isCancelled());
  }
}
