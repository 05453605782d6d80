package org.cevns.cli;

import picocli.CommandLine.Option;

/** Options shared by {@code cevns fit} and {@code cevns scan} (a picocli mixin). */
final class InferenceRunOptions {
  @Option(names = "--max-template-events", paramLabel = "N", description = "cap on the template simulation's events (default 1e7); fewer than one template event per expected data event is warned about (stderr, summary.json)")
  Long maxTemplateEvents;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the template simulation (default: the config's; else drawn)")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--overwrite", description = "replace DIR, an earlier output holding nothing else (only once the new outputs are complete)")
  boolean overwrite;

  @Option(names = "--quiet", description = "no progress messages")
  boolean quiet;
}
