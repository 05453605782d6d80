package org.cevns.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/** A one-line progress bar on the terminal's stderr; silent when output is not a terminal or quiet is set. */
final class Progress implements LongConsumer {
  private static final long MIN_INTERVAL_NS = 200_000_000L;
  private static final int BAR_WIDTH = 30;
  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean enabled;
  private final long startNs = System.nanoTime();
  private long lastNs;
  private boolean drawn;

  private Progress(PrintWriter err, String label, long total, boolean enabled) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.enabled = enabled;
  }

  static Progress forTerminal(PrintWriter err, String label, long total, boolean quiet) {
    return new Progress(err, label, total, !quiet && System.console() != null);
  }

  @Override
  public void accept(long done) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastNs < MIN_INTERVAL_NS && done < total) {
      return;
    }
    lastNs = now;
    double f = total == 0 ? 1 : (double) done / total;
    int filled = (int) Math.round(f * BAR_WIDTH);
    double seconds = (now - startNs) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    err.printf(Locale.ROOT, "\r%s [%s%s] %5.1f%% %,d/%,d events %.3g ev/s", label, "#".repeat(filled),
        " ".repeat(BAR_WIDTH - filled), 100 * f, done, total, rate);
    err.flush();
    drawn = true;
  }

  void finish() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }
}
