package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns shards} into a directory whose path has blanks, quotes, {@code #}, {@code %} and {@code $}: every batch
 * file names it as its scheduler reads it. Before 2026-12-06 the {@code #SBATCH --output} lines and the DAG's
 * {@code JOB} lines held the bare path: Slurm 22.05's sbatch refused the array ({@code Unmatched `'`}, or
 * {@code Invalid directive found in batch script: runs/...} for a blank), DAGMan read the first word as the submit
 * file. The readers below follow sbatch's {@code _get_argument} and Slurm's output file pattern, and DAGMan's file
 * parser before HTCondor 25.6 (words split at blanks, no quoting).
 */
class BatchFilePathsTest {
  @TempDir Path tmp;

  /** The arguments of a {@code #SBATCH} line as sbatch reads them (quotes group, backslash escapes, # ends). */
  static List<String> sbatchArguments(String directive) {
    List<String> args = new ArrayList<>();
    int i = 0;
    int n = directive.length();
    while (true) {
      while (i < n && Character.isWhitespace(directive.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return args;
      }
      StringBuilder arg = new StringBuilder();
      char quote = 0;
      boolean escape = false;
      while (i < n && (quote != 0 || !Character.isWhitespace(directive.charAt(i)))) {
        char c = directive.charAt(i);
        if (escape) {
          escape = false;
        } else if (c == '\\') {
          escape = true;
          i++;
          continue;
        } else if (quote != 0) {
          if (c == quote) {
            quote = 0;
            i++;
            continue;
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
          i++;
          continue;
        } else if (c == '#') {
          args.add(arg.toString());
          return args;
        }
        arg.append(c);
        i++;
      }
      assertEquals(0, quote, "unmatched quote in " + directive);
      args.add(arg.toString());
    }
  }

  /** Slurm's output file pattern for array task {@code task}: %a the task, %% one %. */
  static String slurmFileName(String pattern, int task) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '%' && i + 1 < pattern.length()) {
        char f = pattern.charAt(++i);
        sb.append(f == '%' ? "%" : f == 'a' ? Integer.toString(task) : "<%" + f + ">");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The one {@code --output} argument of a batch script's {@code #SBATCH} lines. */
  static String sbatchOutput(Path script) throws Exception {
    List<String> outputs = new ArrayList<>();
    for (String line : Files.readAllLines(script)) {
      if (line.startsWith("#SBATCH")) {
        List<String> args = sbatchArguments(line.substring("#SBATCH".length()));
        assertEquals(1, args.size(), "one argument per directive: " + line + " -> " + args);
        if (args.get(0).startsWith("--output=")) {
          outputs.add(args.get(0).substring("--output=".length()));
        }
      }
    }
    assertEquals(1, outputs.size(), outputs.toString());
    return outputs.get(0);
  }

  @Test
  void everyBatchFileNamesADirectoryWithBlanksQuotesAndPercentAsItsSchedulerReadsIt() throws Exception {
    Path batch = tmp.resolve("my runs/o'neil $x #1 100% \"q\"");
    CliRunner.Result r = CliRunner.run("shards", BatchShardsTest.CONFIG, "--shards", "3", "--events", "1000",
        "--seed", "5", "-o", batch.toString());
    assertEquals(0, r.exitCode(), r.err());
    Path logs = batch.resolve("logs");

    // Slurm: each directive one argument; the log of array task 2 in logs/, the merge log there too
    assertEquals(logs.resolve("shard-2.out").toString(),
        slurmFileName(sbatchOutput(batch.resolve("slurm/shards.sbatch")), 2));
    assertEquals(logs.resolve("merge.out").toString(),
        slurmFileName(sbatchOutput(batch.resolve("slurm/merge.sbatch")), 0));

    // HTCondor submit files: the value is the rest of the line
    String sub = Files.readString(batch.resolve("condor/shards.sub"));
    assertEquals(batch.resolve("shard.sh").toString(), BatchShardsTest.line(sub, "^executable\\s*=\\s*(.+)$"));
    assertEquals(logs + "/condor.log", BatchShardsTest.line(sub, "^log\\s*=\\s*(.+)$"));

    // DAGMan (parser before 25.6): JOB NAME FILE, words split at blanks; relative names with -usedagdir
    for (String line : Files.readAllLines(batch.resolve("condor/run.dag"))) {
      String[] words = line.strip().split("[ \t]+");
      if (words[0].equals("JOB")) {
        assertEquals(3, words.length, line);
        Path submit = batch.resolve("condor").resolve(words[2]);
        assertTrue(Files.isRegularFile(submit), line);
      }
    }
    assertTrue(r.err().contains("condor_submit_dag -usedagdir " + BatchScripts.q(batch.resolve("condor/run.dag")
        .toString())), r.err());

    // the shell scripts run from the odd directory (HTCondor's executable with $(Process))
    CliRunner.Result s = BatchShardsTest.bash(batch.resolve("shard.sh"), Map.of(), "1");
    assertEquals(0, s.exitCode(), s.out());
    assertTrue(Files.isRegularFile(batch.resolve("shards/part-00001.parquet")));
  }

  @Test
  void aPlainDirectoryKeepsAbsolutePathsInTheDag() throws Exception {
    Path batch = tmp.resolve("plain");
    CliRunner.Result r = CliRunner.run("shards", BatchShardsTest.CONFIG, "--shards", "2", "--seed", "5", "-o",
        batch.toString());
    assertEquals(0, r.exitCode(), r.err());
    String dag = Files.readString(batch.resolve("condor/run.dag"));
    assertTrue(dag.contains("JOB shard00001 " + batch.resolve("condor/shard.sub") + "\n"), dag);
    assertTrue(r.err().contains("condor_submit_dag " + batch.resolve("condor/run.dag")), r.err());
    assertEquals(batch.resolve("logs/shard-0.out").toString(),
        slurmFileName(sbatchOutput(batch.resolve("slurm/shards.sbatch")), 0));
  }

  @Test
  void aDirectoryNoBatchFileCanNameIsRefusedBeforeAnyFileIsWritten() {
    for (String bad : List.of("runs/$(USER)", "runs/a\\b", "runs/a\nb")) {
      Path batch = tmp.resolve(bad);
      CliRunner.Result r = CliRunner.run("shards", BatchShardsTest.CONFIG, "--shards", "2", "--seed", "5", "-o",
          batch.toString());
      assertEquals(2, r.exitCode(), bad + ": " + r.err());
      assertTrue(r.err().startsWith("cevns: " + tmp.resolve("runs")) && r.err().contains(": contains "), r.err());
      assertTrue(r.err().strip().endsWith("; choose another directory"), r.err());
      assertTrue(Files.notExists(tmp.resolve("runs")), bad);
    }
  }
}
