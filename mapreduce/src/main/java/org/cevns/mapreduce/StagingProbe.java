package org.cevns.mapreduce;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Creates and deletes a job's staging directory before anything is submitted, so that an output whose directory cannot
 * be written is a one-line setup error (exit 2), not a job that fails without its cause (the local runner reported
 * only "job FAILED"). The job's output format requires the staging directory not to exist, hence the delete.
 */
final class StagingProbe {
  private StagingProbe() {}

  /**
   * @param out the output as the user gave it (for the message)
   * @throws RunSetupException if {@code staging} cannot be created
   */
  static void check(FileSystem fs, Path out, Path staging) {
    boolean made;
    try {
      made = fs.mkdirs(staging);
    } catch (IOException | RuntimeException e) {
      throw new RunSetupException(out + ": cannot write here: " + e.getMessage());
    }
    if (!made) {
      throw new RunSetupException(out + ": cannot write here: cannot create " + staging);
    }
    try {
      fs.delete(staging, true);
    } catch (IOException | RuntimeException e) {
      // best effort: the name is hidden and unique to this run
    }
  }
}
