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

  /**
   * Joins the description and footer lines of {@code cl} and its subcommands into paragraphs, so that picocli wraps
   * them at the help width: the sources break prose at the code's line length, and picocli would print each piece
   * on its own line (a word or two left alone on a line). A line continues the previous one unless that one ends a
   * sentence or a heading ({@code .} or {@code :}), is empty, or either is indented (examples, tables).
   */
  static void reflow(picocli.CommandLine cl) {
    for (picocli.CommandLine c : tree(cl)) {
      var usage = c.getCommandSpec().usageMessage();
      usage.description(paragraphs(usage.description()));
      usage.footer(paragraphs(usage.footer()));
    }
  }

  /** {@code cl} and all its subcommands, depth first (aliases, which picocli lists again, once). */
  static java.util.List<picocli.CommandLine> tree(picocli.CommandLine cl) {
    java.util.List<picocli.CommandLine> out = new java.util.ArrayList<>(java.util.List.of(cl));
    for (picocli.CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getParent() == cl && !out.contains(sub)) {
        out.addAll(tree(sub));
      }
    }
    return out;
  }

  static String[] paragraphs(String[] lines) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String line : lines) {
      int last = out.size() - 1;
      if (last >= 0 && continues(out.get(last), line)) {
        out.set(last, out.get(last) + " " + line);
      } else {
        out.add(line);
      }
    }
    return out.toArray(new String[0]);
  }

  private static boolean continues(String previous, String line) {
    String p = previous.strip();
    return !p.isEmpty() && !line.isBlank() && !previous.startsWith(" ") && !line.startsWith(" ")
        && !p.endsWith(".") && !p.endsWith(":") && !p.endsWith("%n") && !line.startsWith("%n");
  }
}
