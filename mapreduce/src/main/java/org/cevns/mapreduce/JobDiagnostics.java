package org.cevns.mapreduce;

import java.io.IOException;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.cevns.events.io.QuietHadoop;

/** What a cevns MapReduce job says on stderr: Hadoop's logs kept quiet, a failed job's cause in one line. */
final class JobDiagnostics {
  private JobDiagnostics() {}

  /**
   * The job's failure information and the first diagnostic line of each failed task attempt; for the local runner
   * (no diagnostics) the first output failure of a task of this JVM ({@link LocalTaskFailures}).
   */
  static String failureInfo(Job job, boolean local) {
    StringBuilder sb = new StringBuilder();
    String localFailure = local ? LocalTaskFailures.take() : null;
    if (localFailure != null) {
      sb.append(localFailure).append(" (");
    }
    try {
      String info = job.getStatus().getFailureInfo();
      sb.append(info == null || info.isBlank() || info.equals("NA") ? "job " + job.getJobState() : info.strip());
      int from = 0;
      TaskCompletionEvent[] events;
      while ((events = job.getTaskCompletionEvents(from, 100)).length > 0) {
        for (TaskCompletionEvent e : events) {
          if (e.getStatus() == TaskCompletionEvent.Status.FAILED) {
            for (String d : job.getTaskDiagnostics(e.getTaskAttemptId())) {
              sb.append("; ").append(e.getTaskAttemptId()).append(": ").append(d.strip().lines().findFirst().orElse(""));
            }
          }
        }
        from += events.length;
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      sb.append(" (").append(e.getMessage()).append(')');
    }
    if (localFailure != null) {
      sb.append(')');
    }
    return sb.toString();
  }

  /**
   * The job client's metrics system warns on every run that it has no configuration file; keep it at ERROR
   * (slf4j-simple, only where the user has not chosen a level).
   */
  static void quietLogs() {
    QuietHadoop.setIfAbsent("org.apache.hadoop.metrics2", "error");
    // the local runner logs a failed task's stack trace at WARN (cevns reports the failure in one line:
    // failureInfo, LocalTaskFailures, exit 1), and the job client warns "No job jar file set" when cevns runs from a class path rather than its jar (the
    // local runner, tests): the classes are in this JVM; a cluster submission always runs from the shaded jar
    QuietHadoop.setIfAbsent("org.apache.hadoop.mapred.LocalJobRunner", "error");
    QuietHadoop.setIfAbsent("org.apache.hadoop.mapreduce.JobResourceUploader", "error");
  }

}
