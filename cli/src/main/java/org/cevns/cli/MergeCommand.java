package org.cevns.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns merge DIR}: checks the shards of a sharded run and writes the run's combined metadata. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Checks that DIR holds the complete set of shards of one run and writes the run's metadata.",
      "Shards are made with --shard I/N, `cevns shards` or `cevns mapreduce`; checked: the same configuration, seed, version, event total and exposure in every file,",
      "each shard I/N exactly once, the shards' events adding up to the run's, and every page's CRC-32 checksum",
      "(unless --footers-only). Then writes",
      "DIR/" + MergeCommand.RUN_FILE + " (the run's metadata, the shard files and their events). The shards stay",
      "as they are: cevns and Parquet readers read DIR as one run. Exit code 2 names the first problem."
    },
    footer = {"", HelpText.EXAMPLES,
        "  cevns generate configs/coherent-lar.yaml --events 1000000 --seed 7 \\",
        "      --shard 0/2 -o run/part-0.parquet",
        "  cevns generate configs/coherent-lar.yaml --events 1000000 --seed 7 \\",
        "      --shard 1/2 -o run/part-1.parquet",
        "  cevns merge run",
        "", HelpText.EXIT_CODES})
final class MergeCommand implements Callable<Integer> {
  /** The combined metadata, beside the shards (readers skip names starting with '_'). */
  static final String RUN_FILE = "_cevns-run.json";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "directory of shard files (*.parquet), local or hdfs://")
  String dir;

  @Option(names = "--quiet", description = "no summary")
  boolean quiet;

  @Option(names = "--footers-only", description = "check only the files' footers, not each page's CRC-32 checksum"
      + " (by default every page is read, as stored, and its checksum checked: a shard damaged in a copy is refused"
      + " here, not hours later by the analysis)")
  boolean footersOnly;

  @Override
  public Integer call() throws Exception {
    // The Hadoop work is in MergeFiles, so that picocli's reflection over this command (done for every cevns
    // command line, --version included) loads no Hadoop class (docs/performance-history.md, "Second pass").
    ShardSet set = MergeFiles.checkAndWrite(dir, footersOnly);
    if (!quiet) {
      spec.commandLine().getErr().printf(Locale.ROOT, "cevns: %s: %d shards of one run, %d events%s; wrote %s%n",
          dir, set.files().size(), set.events(), footersOnly ? "" : ", every page's checksum verified", RUN_FILE);
      spec.commandLine().getErr().flush();
    }
    return 0;
  }

  static String json(ShardSet set) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("shards", set.files().size());
    root.put("events", set.events());
    root.put("metadata", set.metadata());
    List<Map<String, Object>> files = set.files().stream().map(f -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", f.name());
      m.put("shard", f.shard().toString());
      m.put("events", f.events());
      return m;
    }).toList();
    root.put("files", files);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
  }
}
