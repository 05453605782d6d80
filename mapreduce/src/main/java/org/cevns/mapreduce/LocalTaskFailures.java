package org.cevns.mapreduce;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The first output or set-up failure of a task run in this JVM (Hadoop's local job runner), so that the one-line message of
 * a failed local job names the file and the cause ({@code No space left on device}): the local runner only logs
 * a task's exception (its stack trace, silenced by {@link ShardedRun}) and reports the job as {@code FAILED}
 * without diagnostics. On a cluster, tasks run in other JVMs and report through the task diagnostics instead.
 */
final class LocalTaskFailures {
  private static final AtomicReference<String> FIRST = new AtomicReference<>();

  private LocalTaskFailures() {}

  /** Records {@code file: cause} (or {@code taskAttempt: cause}) if no failure was recorded yet. */
  static void record(Object file, Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    FIRST.compareAndSet(null, file + ": " + message);
  }

  /** The recorded failure, cleared. */
  static String take() {
    return FIRST.getAndSet(null);
  }
}
