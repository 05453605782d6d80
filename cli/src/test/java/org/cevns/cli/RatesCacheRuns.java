package org.cevns.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ConfigOverride;

/** What the {@link RatesCache} tests share: runs of {@code rates} as {@code Main} runs them, and file chores. */
final class RatesCacheRuns {
  private RatesCacheRuns() {}

  /** Stdout and exit code of one run. */
  record Run(byte[] stdout, int exitCode) {}

  /**
   * Runs the command line {@code args} through {@link RatesFastPath} as {@code Main} does (stderr discarded); a
   * miss (the warm-up hook) increments {@code misses}.
   */
  static Run run(AtomicInteger misses, String... args) {
    RatesCommand cmd = RatesFastPath.parse(args);
    if (cmd == null) {
      throw new AssertionError("not a plain rates command line: " + List.of(args));
    }
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      code = RatesFastPath.run(cmd, misses::incrementAndGet);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new Run(out.toByteArray(), code);
  }

  /** Dates {@code p} an hour back: inputs modified just before a run are not cached. */
  static void settle(Path p) throws IOException {
    Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
  }

  /** {@link #settle}s every file and directory under {@code dir} but symbolic links (their targets are settled). */
  static void settleAll(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.toList()) {
        if (!Files.isSymbolicLink(f)) {
          settle(f);
        }
      }
    }
  }

  /** The files of {@code cacheDir} whose names end with {@code suffix} (none if it does not exist). */
  static List<Path> list(Path cacheDir, String suffix) throws IOException {
    if (!Files.isDirectory(cacheDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(cacheDir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }

  /** {@link RatesCache#inputs} of {@code config} from a reading of its own (the loader's tree and included files). */
  static List<Path> inputsReadAgain(Path config, List<ConfigOverride> overrides) {
    List<Path> included = new ArrayList<>();
    var tree = ConfigLoader.tree(config, overrides, included);
    return RatesCache.inputs(config, tree, included);
  }
}
