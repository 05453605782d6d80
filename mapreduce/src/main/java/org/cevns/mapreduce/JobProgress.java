package org.cevns.mapreduce;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;

/**
 * The progress line of a running MapReduce job, from the job's own counter of events or toys done. Hadoop's map
 * progress is not used: the local job runner averages it over the tasks started so far (a run of four tasks read
 * "map 100%", then "map 75%" when the fourth task started), and one input record per task makes it a step per
 * finished task on a cluster too.
 */
final class JobProgress {

  private static final double PERCENT = 100.0;
  /** Polling interval of the local job runner (ms). */
  private static final long LOCAL_POLL_MS = 200;
  /** Polling interval of a cluster job (ms). */
  private static final long CLUSTER_POLL_MS = 2000;

  private JobProgress() {
  }

  /** {@code "<job>: P%, <done> of <total> <what>"}, P the share of {@code done} in {@code total}, rounded down. */
  static String line(String jobId, long done, long total, String what) {
    double percent = total <= 0 ? 0 : PERCENT * Math.min(done, total) / total;
    return String.format(Locale.ROOT, "%s: %.0f%%, %d of %d %s", jobId, Math.floor(percent), done, total, what);
  }

  /**
   * Waits for the submitted {@code job}, sending {@link #line} of its {@link ShardMapper#COUNTERS} counter
   * {@code counter} to {@code status} (if not null) whenever the line changes.
   */
  static void await(Job job, String counter, long total, String what, boolean local, Consumer<String> status)
      throws IOException, InterruptedException {
    String last = "";
    while (!job.isComplete()) {
      Counters now = status == null ? null : job.getCounters();
      long done = now == null ? 0 : now.findCounter(ShardMapper.COUNTERS, counter).getValue();
      String line = line(String.valueOf(job.getJobID()), done, total, what);
      if (status != null && !line.equals(last)) {
        status.accept(line);
        last = line;
      }
      Thread.sleep(local ? LOCAL_POLL_MS : CLUSTER_POLL_MS);
    }
  }
}
