package org.cevns.cli;

/**
 * The range of every {@code --threads} option: 1 to {@value #MAX_THREADS}. Before, {@code --threads 100000} made
 * generate and simulate fail as an environment error ("not enough heap ... give it -Xmx6400185m", exit 1) and the
 * analysis commands print "cevns: null" (the fork-join pool refuses more than 32767 workers with no message).
 */
final class ThreadCount {
  /** The largest thread count: beyond the cores of any machine cevns runs on (a 2-socket 128-core node has 512). */
  static final int MAX_THREADS = 1024;

  private ThreadCount() {}

  /** {@code threads} if in [1, {@value #MAX_THREADS}], else a usage error (exit 2) naming {@code option}. */
  static int check(String option, int threads) {
    if (threads < 1) {
      throw new UserException(option + ": must be >= 1, got " + threads);
    }
    if (threads > MAX_THREADS) {
      throw new UserException(option + ": must be at most " + MAX_THREADS + ", got " + threads);
    }
    return threads;
  }
}
