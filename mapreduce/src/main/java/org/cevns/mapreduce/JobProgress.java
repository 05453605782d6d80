package org.cevns.mapreduce;

import java.util.Locale;

/**
 * The progress line of a running MapReduce job, from the job's own counter of events or toys done. Hadoop's map
 * progress is not used: the local job runner averages it over the tasks started so far (a run of four tasks read
 * "map 100%", then "map 75%" when the fourth task started), and one input record per task makes it a step per
 * finished task on a cluster too.
 */
final class JobProgress {

  private static final double PERCENT = 100.0;

  private JobProgress() {
  }

  /** {@code "<job>: P%, <done> of <total> <what>"}, P the share of {@code done} in {@code total}, rounded down. */
  static String line(String jobId, long done, long total, String what) {
    double percent = total <= 0 ? 0 : PERCENT * Math.min(done, total) / total;
    return String.format(Locale.ROOT, "%s: %.0f%%, %d of %d %s", jobId, Math.floor(percent), done, total, what);
  }
}
