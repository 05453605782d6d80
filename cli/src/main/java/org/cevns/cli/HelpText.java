package org.cevns.cli;

/** Text shared by the commands' {@code --help}. */
final class HelpText {
  /** The exit codes of every command (the footer's last lines). */
  static final String EXIT_CODES = "Exit codes: 0 success; 1 environment or I/O failure (disk full, unwritable"
      + " output, internal error); 2 usage or input error (bad option, invalid configuration, unreadable input,"
      + " existing output without --overwrite).";
  /** Heading of the examples. */
  static final String EXAMPLES = "Examples:";

  private HelpText() {}
}
