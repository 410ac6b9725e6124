package dev.toriimcp.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The generator's few parallel steps, on threads of its own (they inherit the caller's context
 * class loader, which a Maven plugin relies on). Results never depend on scheduling: work is
 * collected in input order.
 */
final class Parallel {
  private static final int MAX_THREADS = 8;

  private Parallel() {}

  /** How many threads {@link #map} uses at most, the caller's included. */
  static int threads() {
    return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS));
  }

  /** Starts {@code task} on a new daemon thread. */
  static <T> Future<T> background(String name, Callable<T> task) {
    FutureTask<T> future = new FutureTask<>(task);
    Thread thread = new Thread(future, "torii-mcp-generator-" + name);
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  /** The result of a {@link #background} task, its own exception rethrown as it was. */
  static <T> T join(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw unchecked(cause);
    }
  }

  /**
   * {@code f} applied to every item on up to {@link #threads()} threads, the caller's included; the
   * results in item order. The first failure is rethrown once every thread has stopped.
   */
  static <T, R> List<R> map(List<T> items, Function<T, R> f) {
    int size = items.size();
    Object[] out = new Object[size];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          int i;
          while (failure.get() == null && (i = next.getAndIncrement()) < size) {
            try {
              out[i] = f.apply(items.get(i));
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          }
        };
    List<Thread> helpers = new ArrayList<>();
    for (int k = 1; k < Math.min(threads(), size); k++) {
      Thread t = new Thread(worker, "torii-mcp-generator-emit-" + k);
      t.setDaemon(true);
      t.start();
      helpers.add(t);
    }
    worker.run();
    boolean interrupted = false;
    for (Thread t : helpers) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the helpers stop on their own; wait for them
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw unchecked(failure.get());
    }
    @SuppressWarnings("unchecked")
    List<R> results = (List<R>) Collections.unmodifiableList(Arrays.asList(out));
    return results;
  }

  private static RuntimeException unchecked(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    if (cause instanceof IOException io) {
      return new UncheckedIOException(io);
    }
    return new IllegalStateException(cause);
  }
}
