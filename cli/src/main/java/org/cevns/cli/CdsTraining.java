package org.cevns.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * The training run of {@code bin/cevns}'s class-data-sharing archive: runs, in one JVM, the commands users run
 * most ({@code rates}, {@code generate}, {@code simulate}, each small), so that the archive made at its exit
 * ({@code -XX:ArchiveClassesAtExit}) holds the classes they load. Output is discarded; a failing command only
 * leaves its classes out. Not a user command. Arguments: the repository root and a scratch directory. Returns
 * normally (the JVM then exits and writes the archive); bin/cevns keeps the archive only if it was written.
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
    String[][] runs = {
        {"--version"},
        {"rates", config},
        {"generate", lar, "--events", "20000", "--seed", "1", "--quiet", "-o",
            scratch.resolve("generate.parquet").toString()},
        {"simulate", config, "--events", "20000", "--seed", "1", "-o",
            scratch.resolve("simulate.parquet").toString()},
    };
    for (String[] run : runs) {
      var cl = Main.commandLine();
      cl.setOut(new PrintWriter(new StringWriter()));
      cl.setErr(new PrintWriter(new StringWriter()));
      cl.execute(run);
    }
  }
}
