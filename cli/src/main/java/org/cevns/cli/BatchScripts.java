package org.cevns.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of {@code cevns shards}: one shell script per role ({@code shard.sh I}, {@code merge.sh}), shared by
 * HTCondor (submit files and a DAG whose final node merges) and Slurm (a job array and a merge job depending on
 * it). Every path is absolute, so the scripts run from any working directory of a batch node.
 *
 * @param dir output directory of the batch files (absolute)
 * @param cevns the command that runs cevns on a node for a shard (shell words)
 * @param mergeCevns the command that runs cevns for the final node (shell words; a smaller heap)
 * @param shardArgs arguments of the stage command for every shard, before {@code --shard}
 * @param shards number of shards N
 * @param threads worker threads (and CPUs requested) per shard
 * @param memoryMb memory requested per shard
 * @param name job name
 * @param toys true for a toy study ({@code cevns toys}): a shard writes its table into {@code shards/} (named
 *     {@code part-IIIII.parquet} by {@code cevns toys}) and the final node checks and summarises the toys
 *     ({@code cevns sensitivity --toy-results}, outputs in {@code summary/}) instead of {@code cevns merge}
 * @param config the configuration (absolute), for the toys' summary
 */
record BatchScripts(Path dir, String cevns, String mergeCevns, List<String> shardArgs, int shards, int threads, int memoryMb,
    String name, boolean toys, String config) {
  /** The directory of the toy summary (toys.json, plots), under {@link #dir}. */
  Path summaryDir() {
    return dir.resolve("summary");
  }

  /** Directory of the shard files, under {@link #dir}. */
  Path shardDir() {
    return dir.resolve("shards");
  }

  Path logDir() {
    return dir.resolve("logs");
  }

  /** Writes every file; returns their paths relative to {@link #dir}. */
  List<String> write() throws IOException {
    Files.createDirectories(shardDir());
    Files.createDirectories(logDir());
    Files.createDirectories(dir.resolve("condor"));
    Files.createDirectories(dir.resolve("slurm"));
    List<String> written = new ArrayList<>();
    executable("shard.sh", shardScript(), written);
    executable("merge.sh", toys ? "#!/bin/bash\n# cevns shards: checks that every toy is present once and summarises"
        + " the toys into " + summaryDir() + "\nset -euo pipefail\nexec " + mergeCevns + " sensitivity " + q(config)
        + " --toy-results " + q(shardDir().toString()) + " -o " + q(summaryDir().toString()) + " --overwrite\n"
        : "#!/bin/bash\n# cevns shards: checks the shards of the run and writes their combined metadata\n"
        + "set -euo pipefail\nexec " + mergeCevns + " merge " + q(shardDir().toString()) + "\n", written);
    text("condor/shards.sub", condorShards("$(Process)", shards, shards + " jobs, job $(Process) makes shard"
        + " $(Process)/" + shards + " (condor_submit without the DAG)"), written);
    text("condor/shard.sub", condorShards("$(shard)", 1, "one node of run.dag: makes shard $(shard)/" + shards
        + " (VARS shard)"), written);
    text("condor/merge.sub", condorMerge(), written);
    text("condor/run.dag", dag(), written);
    executable("slurm/shards.sbatch", slurmShards(), written);
    executable("slurm/merge.sbatch", "#!/bin/bash\n#SBATCH --job-name=" + name + "-merge\n#SBATCH --ntasks=1\n"
        + "#SBATCH --cpus-per-task=1\n#SBATCH --mem=1024M\n#SBATCH --output=" + sbatchOutput(logDir(), "merge.out")
        + "\nexec " + q(dir.resolve("merge.sh").toString()) + "\n", written);
    executable("slurm/submit.sh", "#!/bin/bash\n# the job array, then the merge once every array task has succeeded\n"
        + "set -euo pipefail\njid=$(sbatch --parsable " + q(dir.resolve("slurm/shards.sbatch").toString()) + ")\n"
        + "sbatch --dependency=afterok:\"${jid%%;*}\" " + q(dir.resolve("slurm/merge.sbatch").toString()) + "\n",
        written);
    return written;
  }

  /**
   * {@code shard.sh I}: shard I/N into {@code shards/part-IIIII.parquet}; a rerun replaces it with the same bytes
   * ({@code --overwrite}; {@code cevns toys} has none and refuses an existing part, so the toys script deletes its own
   * part first). Reruns are the rule, not the exception: DAGMan's {@code RETRY} resubmits every job of the
   * {@code shards} node when one of them failed, and a Slurm array is often resubmitted whole.
   */
  String shardScript() {
    StringBuilder sb = new StringBuilder("#!/bin/bash\n# cevns shards: makes shard I of " + shards + " (I = $1)\n");
    sb.append("set -euo pipefail\nI=\"$1\"\n");
    if (toys) {
      sb.append("# a rerun (DAGMan RETRY resubmits every job of the node) makes the same toys again\n");
      sb.append("rm -f -- ").append(q(shardDir().toString())).append("/part-$(printf %05d \"$I\").parquet\n");
    }
    sb.append("exec ").append(cevns);
    shardArgs.forEach(a -> sb.append(' ').append(q(a)));
    if (toys) {
      sb.append(" --shard \"$I/").append(shards).append("\" --threads ").append(threads)
          .append(" --quiet -o ").append(q(shardDir().toString())).append('\n');
      return sb.toString();
    }
    sb.append(" --shard \"$I/").append(shards).append("\" --threads ").append(threads)
        .append(" --overwrite --quiet -o ").append(q(shardDir().toString())).append("/part-$(printf %05d \"$I\").parquet\n");
    return sb.toString();
  }

  /**
   * The DAG: one node per shard, each retried twice on its own, then the final node. One node per shard, not one
   * node of N jobs: DAGMan fails a node when one job of its cluster fails, removes the cluster's other jobs and
   * retries the whole cluster, so a failed shard made every shard run again; and the rescue DAG after a failure now
   * resubmits only the failed shards ({@code condor_submit_dag} of run.dag again).
   */
  String dag() {
    StringBuilder sb = new StringBuilder("# " + condorSubmitDag() + "\n# a failed run: the same command again runs"
        + " only the shards that failed (DAGMan's rescue DAG)\n");
    StringBuilder parents = new StringBuilder("PARENT");
    String shardSub = dagSubmitFile("shard.sub");
    for (int i = 0; i < shards; i++) {
      String node = String.format(Locale.ROOT, "shard%05d", i);
      sb.append("JOB ").append(node).append(' ').append(shardSub).append("\nVARS ").append(node).append(" shard=\"")
          .append(i).append("\"\nRETRY ").append(node).append(" 2\n");
      parents.append(' ').append(node);
    }
    return sb.append("JOB merge ").append(dagSubmitFile("merge.sub")).append('\n').append(parents)
        .append(" CHILD merge\n").toString();
  }

  private String condorShards(String index, int queue, String comment) {
    return String.format(Locale.ROOT, """
        # HTCondor: %s
        universe       = vanilla
        executable     = %s
        arguments      = %s
        request_cpus   = %d
        request_memory = %d MB
        getenv         = true
        output         = %s/shard-%s.out
        error          = %s/shard-%s.err
        log            = %s/condor.log
        queue %d
        """, comment, dir.resolve("shard.sh"), index, threads, memoryMb, logDir(), index, logDir(), index, logDir(),
        queue);
  }

  private String condorMerge() {
    return String.format(Locale.ROOT, """
        # HTCondor: the final node of run.dag, after every shard succeeded: cevns merge
        universe       = vanilla
        executable     = %s
        request_cpus   = 1
        request_memory = 1024 MB
        getenv         = true
        output         = %s/merge.out
        error          = %s/merge.err
        log            = %s/condor.log
        queue 1
        """, dir.resolve("merge.sh"), logDir(), logDir(), logDir());
  }

  private String slurmShards() {
    return String.format(Locale.ROOT, """
        #!/bin/bash
        #SBATCH --job-name=%s
        #SBATCH --array=0-%d
        #SBATCH --ntasks=1
        #SBATCH --cpus-per-task=%d
        #SBATCH --mem=%dM
        #SBATCH --output=%s
        exec %s "$SLURM_ARRAY_TASK_ID"
        """, name, shards - 1, threads, memoryMb, sbatchOutput(logDir(), "shard-%a.out"), q(dir.resolve("shard.sh").toString()));
  }

  private void executable(String rel, String content, List<String> written) throws IOException {
    Path p = dir.resolve(rel);
    Files.writeString(p, content);
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: run with bash FILE
    }
    written.add(rel);
  }

  private void text(String rel, String content, List<String> written) throws IOException {
    Files.writeString(dir.resolve(rel), content);
    written.add(rel);
  }

  /**
   * Why {@code dir} cannot be named in the batch files, or null: a line break ends a line of every file, HTCondor
   * expands {@code $(...)} in every submit-file value as a macro, and a backslash in a Slurm output file name turns
   * off its {@code %a} (every array task would write one log).
   */
  static String unusableCharacter(Path dir) {
    String s = dir.toString();
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return "contains a line break, which no batch file can hold";
    }
    if (s.contains("$(")) {
      return "contains '$(', which HTCondor expands as a macro in submit files";
    }
    if (s.indexOf('\\') >= 0) {
      return "contains a backslash, which turns off Slurm's %a in the log file names";
    }
    return null;
  }

  /** The command that submits the DAG (shell-quoted); {@code -usedagdir} when the DAG names its files relatively. */
  String condorSubmitDag() {
    return "condor_submit_dag " + (dagNamesRelatively() ? "-usedagdir " : "") + q(dir.resolve("condor/run.dag").toString());
  }

  /**
   * DAGMan before HTCondor 25.6 splits a {@code JOB} line at every blank (no quoting), so a directory with blanks is
   * named relatively to the DAG's directory, which {@code condor_submit_dag -usedagdir} makes the working directory.
   */
  private boolean dagNamesRelatively() {
    return dir.toString().chars().anyMatch(Character::isWhitespace);
  }

  private String dagSubmitFile(String name) {
    return dagNamesRelatively() ? name : dir.resolve("condor").resolve(name).toString();
  }

  /**
   * A log file pattern in a {@code #SBATCH --output} directive, in double quotes: sbatch (22.05 to 25.x) splits a
   * directive at blanks outside quotes (a backslash does not keep a blank), ends it at a {@code #} outside quotes and
   * removes quotes and backslashes, and the output file name reads {@code %} as a pattern ({@code %%} is one
   * {@code %}); so the path's {@code %} are doubled and its {@code "} and backslashes escaped.
   *
   * @param dir the directory (absolute)
   * @param name the file name, a Slurm pattern (e.g. {@code shard-%a.out})
   */
  static String sbatchOutput(Path dir, String name) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : dir.toString().toCharArray()) {
      if (c == '%') {
        sb.append('%');
      } else if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('/').append(name).append('"').toString();
  }

  /** Single-quotes a word for the shell when it needs it. */
  static String q(String word) {
    if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
