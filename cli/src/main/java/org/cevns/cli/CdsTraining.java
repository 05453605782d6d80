package org.cevns.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of {@code bin/cevns}'s class-data-sharing archive: runs, in one JVM, the commands users run
 * most ({@code rates} of every shipped config, text and JSON, and a small {@code generate} and {@code simulate}),
 * so that the list of the classes it loads ({@code -XX:DumpLoadedClassList}), from which bin/cevns then makes a
 * static archive ({@code -Xshare:dump}), holds the classes they load: each config's sources, cross sections and
 * detector responses load their own classes. Output is discarded; a failing command only leaves its classes out.
 * Not a user command. Arguments: the repository root and a scratch directory. Returns normally; bin/cevns makes and
 * keeps the archive only if the run and the dump succeed.
 */
final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CdsTraining ROOT SCRATCH_DIR");
    }
    String config = Path.of(args[0], "configs", "coherent-csi.yaml").toString();
    String lar = Path.of(args[0], "configs", "coherent-lar.yaml").toString();
    Path scratch = Path.of(args[1]);
    List<String[]> runs = new ArrayList<>();
    runs.add(new String[] {"--version"});
    for (String shipped : shippedConfigs(Path.of(args[0], "configs"))) {
      runs.add(new String[] {"rates", shipped});
    }
    runs.add(new String[] {"rates", "--json", config});
    runs.add(new String[] {"rates", config}); // a second time: from the cache
    runs.add(new String[] {"generate", lar, "--events", "20000", "--seed", "1", "--quiet", "-o",
        scratch.resolve("generate.parquet").toString()});
    runs.add(new String[] {"simulate", config, "--events", "20000", "--seed", "1", "-o",
        scratch.resolve("simulate.parquet").toString()});
    // rates fills and reads a cache in the scratch directory, never the user's (RatesCache)
    RatesCache.processDefault = RatesCache.of(scratch.resolve("rates-cache"), String.valueOf(RatesCache.jarIdentity()));
    for (String[] run : runs) {
      RatesCommand rates = RatesFastPath.parse(run);
      if (rates != null) { // as Main runs it, warm-up included; a failure only leaves its classes out
        Main.rates(rates, run, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        continue;
      }
      var cl = Main.commandLine();
      cl.setOut(new PrintWriter(new StringWriter()));
      cl.setErr(new PrintWriter(new StringWriter()));
      cl.execute(run);
    }
  }

  /**
   * configs/*.yaml, sorted; empty when the directory cannot be read. reference.yaml too (left out before): its sources
   * and detectors (the monoenergetic and spectrum-file sources, a target by isotopes, a dead time) and 5 lambdas were
   * 11 classes loaded from the jar, not the archive, at every computed `rates` of it
   * (docs/performance-history.md, "refrates4 (thirty-third session)").
   */
  private static List<String> shippedConfigs(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(Path::toString)
          .filter(f -> f.endsWith(".yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
