package org.cevns.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code cevns rates CONFIG [--json] [--quiet] [--set KEY.PATH=VALUE]...} without picocli's command model: picocli
 * builds the model of a command by reflecting over its annotations (annotation proxies, option specs, help sections),
 * ~10-20 % of a cold {@code rates}' main thread (docs/performance-history.md, "rates in the eleventh session"). Only
 * command lines made of exactly these words take this path, and they set the fields picocli would set; everything
 * else (help, version, a repeated {@code --json} or {@code --quiet}, {@code --}, {@code @file} arguments, option-like
 * or boolean-like values, a missing or second CONFIG, any other option) returns null from {@link #parse} and goes to
 * picocli, which parses, reports and exits as before. Output and errors go to writers made as picocli makes them,
 * failures are reported by {@link Main#report} as picocli's execution handler does.
 */
final class RatesFastPath {
  private RatesFastPath() {}

  /** The {@code rates} command of {@code args} with its fields set, or null when picocli must handle them. */
  static RatesCommand parse(String[] args) {
    if (args.length < 2 || !"rates".equals(args[0])) {
      return null;
    }
    RatesCommand cmd = new RatesCommand();
    String config = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if ("--json".equals(a) && !cmd.json) {
        cmd.json = true;
      } else if ("--quiet".equals(a) && !cmd.quiet) {
        cmd.quiet = true;
      } else if ("--set".equals(a) && i + 1 < args.length && plainValue(args[i + 1])) {
        cmd.overrides.sets.add(args[++i]);
      } else if (a.startsWith("--set=") && plainValue(a.substring("--set=".length()))) {
        cmd.overrides.sets.add(a.substring("--set=".length()));
      } else if (config == null && plainValue(a) && !"true".equalsIgnoreCase(a) && !"false".equalsIgnoreCase(a)) {
        config = a;
      } else {
        return null;
      }
    }
    if (config == null) {
      return null;
    }
    try {
      cmd.config = Path.of(config);
    } catch (InvalidPathException e) {
      return null;
    }
    return cmd;
  }

  /** A value picocli takes as it is: not empty, not option-like, not an argument file. */
  private static boolean plainValue(String v) {
    return !v.isEmpty() && !v.startsWith("-") && !v.startsWith("@");
  }

  /** Runs {@code cmd} as picocli's execute would: its exit code, or the failure's (one line on stderr). */
  static int run(RatesCommand cmd) {
    return run(cmd, () -> { });
  }

  /** As {@link #run(RatesCommand)}, running {@code onMiss} first when the result is not cached ({@link RatesCache}). */
  static int run(RatesCommand cmd, Runnable onMiss) {
    return run(cmd, onMiss, stdout(), null);
  }

  /**
   * As {@link #run(RatesCommand, Runnable)}, printing to {@code out}, and a failure to {@code err} (null: a writer of
   * the JVM's stderr, made only when needed).
   */
  static int run(RatesCommand cmd, Runnable onMiss, PrintWriter out, PrintWriter err) {
    cmd.onMiss = onMiss;
    try {
      return cmd.run(out);
    } catch (Exception e) {
      out.flush();
      return Main.report(e, err != null ? err : writer(System.err, "sun.stderr.encoding"));
    }
  }

  /** A writer of the JVM's stdout as picocli's {@code getOut} makes it. */
  static PrintWriter stdout() {
    return writer(System.out, "sun.stdout.encoding");
  }

  /** A writer as picocli's {@code getOut}/{@code getErr} make it (autoflush, the JVM's stdout/stderr encoding). */
  private static PrintWriter writer(OutputStream stream, String encodingProperty) {
    String name = System.getProperty(encodingProperty);
    Charset charset = Charset.defaultCharset();
    if (name != null) {
      try {
        charset = Charset.forName("cp65001".equalsIgnoreCase(name) ? "UTF-8" : name);
      } catch (IllegalArgumentException e) {
        charset = Charset.defaultCharset();
      }
    }
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
  }
}
