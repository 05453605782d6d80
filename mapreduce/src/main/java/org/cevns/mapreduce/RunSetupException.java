package org.cevns.mapreduce;

/** A user error found before a MapReduce run starts (bad argument, existing output); one-line message. */
public final class RunSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunSetupException(String message) {
    super(message);
  }
}
