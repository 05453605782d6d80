package org.cevns.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Progress on stderr with elapsed time, estimated time left (ETA) and the instantaneous rate (events/s over the
 * last update interval). On a terminal: one line redrawn in place ({@code \r}) at most every 0.2 s. Otherwise
 * (stderr redirected to a log, a batch job): one plain line every {@link #LOG_INTERVAL_NS} (10 s) and a last one
 * at the end, with no control characters. Silent with {@code --quiet}.
 */
final class Progress implements LongConsumer {
  /** Shortest time between two redraws on a terminal. */
  static final long TERMINAL_INTERVAL_NS = 200_000_000L;
  /** Time between two lines in a log. */
  static final long LOG_INTERVAL_NS = 10_000_000_000L;
  private static final double NS_PER_S = 1e9;
  private static final int BAR_WIDTH = 30;

  /** Where the progress goes. */
  enum Mode { TERMINAL, LOG, OFF }

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final Mode mode;
  private final LongSupplier clock;
  private final long startNs;
  private long lastNs;
  private long lastDone;
  private boolean drawn;
  private boolean finished;

  Progress(PrintWriter err, String label, long total, Mode mode, LongSupplier clock) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.mode = mode;
    this.clock = clock;
    this.startNs = clock.getAsLong();
    this.lastNs = startNs;
  }

  /** Terminal mode when stderr is a console, log mode otherwise, off when {@code quiet}. */
  static Progress forTerminal(PrintWriter err, String label, long total, boolean quiet) {
    Mode mode = quiet ? Mode.OFF : System.console() != null ? Mode.TERMINAL : Mode.LOG;
    return new Progress(err, label, total, mode, System::nanoTime);
  }

  @Override
  public void accept(long done) {
    if (mode == Mode.OFF || finished) {
      return;
    }
    long now = clock.getAsLong();
    long interval = mode == Mode.TERMINAL ? TERMINAL_INTERVAL_NS : LOG_INTERVAL_NS;
    if (now - lastNs < interval && done < total) {
      return;
    }
    if (done >= total && mode == Mode.LOG && drawn && lastDone >= total) {
      return;
    }
    print(done, now);
  }

  private void print(long done, long now) {
    double elapsed = (now - startNs) / NS_PER_S;
    double dt = (now - lastNs) / NS_PER_S;
    double rate = dt > 0 ? (done - lastDone) / dt : elapsed > 0 ? done / elapsed : 0;
    double mean = elapsed > 0 ? done / elapsed : 0;
    double f = total == 0 ? 1 : Math.min(1.0, (double) done / total);
    String eta = done >= total ? "0s" : mean > 0 ? duration((total - done) / mean) : "?";
    String text = String.format(Locale.ROOT, "%5.1f%% %,d/%,d events, elapsed %s, ETA %s, %.3g ev/s", 100 * f,
        done, total, duration(elapsed), eta, rate);
    if (mode == Mode.TERMINAL) {
      int filled = (int) Math.round(f * BAR_WIDTH);
      err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + text + "\033[K");
    } else {
      err.println("cevns " + label + ": " + text);
    }
    err.flush();
    lastNs = now;
    lastDone = done;
    drawn = true;
  }

  /** {@code 42s}, {@code 3m05s}, {@code 2h07m}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }

  /** Ends the line on a terminal; in a log, prints the final line if the last one was not at 100 %. */
  void finish() {
    if (finished) {
      return;
    }
    if (mode == Mode.TERMINAL && drawn) {
      err.println();
      err.flush();
    } else if (mode == Mode.LOG && lastDone < total) {
      print(total, clock.getAsLong());
    }
    finished = true;
  }
}
