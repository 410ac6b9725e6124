package dev.toriimcp.bench;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: {@code n} clients, each on its own connection, call back to back for a warm-up
 * and then a measured period. Every call's latency is kept (System.nanoTime), so percentiles are
 * exact rather than bucketed.
 */
final class Load {
  private Load() {}

  /** One client: a connection (and session) that makes one call at a time. */
  interface Client extends Closeable {
    /**
     * Makes one call.
     *
     * @return whether the answer was a success
     */
    boolean call() throws Exception;
  }

  /** Opens client number {@code i}. */
  interface Clients {
    Client open(int i) throws Exception;
  }

  /** What one run measured. */
  record Result(int clients, long calls, long failures, double seconds, long[] sortedNanos) {
    double throughput() {
      return calls / seconds;
    }

    double percentileMs(double p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }

    double p50() {
      return percentileMs(50);
    }

    double p99() {
      return percentileMs(99);
    }
  }

  static Result run(Clients factory, int n, Duration warmup, Duration measure) throws Exception {
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clients.add(factory.open(i));
    }
    long start = System.nanoTime() + warmup.toNanos();
    long end = start + measure.toNanos();
    long[][] samples = new long[n][];
    int[] counts = new int[n];
    AtomicLong failures = new AtomicLong();
    AtomicReference<Exception> crash = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      int k = i;
      Thread t =
          new Thread(
              () -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                try {
                  Client c = clients.get(k);
                  for (long now = System.nanoTime(); now < end; ) {
                    boolean ok = c.call();
                    long after = System.nanoTime();
                    if (now >= start) {
                      if (!ok) {
                        failures.incrementAndGet();
                      }
                      if (count == mine.length) {
                        mine = Arrays.copyOf(mine, count * 2);
                      }
                      mine[count++] = after - now;
                    }
                    now = after;
                  }
                } catch (Exception e) {
                  crash.compareAndSet(null, e);
                } finally {
                  samples[k] = mine;
                  counts[k] = count;
                  done.countDown();
                }
              },
              "load-" + i);
      t.setDaemon(true);
      t.start();
    }
    done.await();
    for (Client c : clients) {
      c.close();
    }
    if (crash.get() != null) {
      throw crash.get();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(samples[i], 0, all, at, counts[i]);
      at += counts[i];
    }
    Arrays.sort(all);
    return new Result(n, total, failures.get(), measure.toNanos() / 1e9, all);
  }
}
