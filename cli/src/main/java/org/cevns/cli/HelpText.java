package org.cevns.cli;

/** Text shared by the commands' {@code --help}. */
final class HelpText {
  /** The exit codes of every command (the footer's last lines). */
  static final String EXIT_CODES = "Exit codes: 0 success, every output complete; 1 environment or I/O failure"
      + " while working (disk full, lost file system, out of memory, internal error); 2 usage or input error (bad"
      + " option, invalid configuration, unreadable, incomplete or duplicated input, refused output: existing"
      + " without --overwrite, unwritable, one of the inputs, or completed first by another run).";
  /** Heading of the examples. */
  static final String EXAMPLES = "Examples:";

  private HelpText() {}
}
