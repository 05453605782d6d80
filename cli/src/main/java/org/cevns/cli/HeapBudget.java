package org.cevns.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.TableFootprint;
import org.cevns.schema.GeneratorSettings;

/**
 * The heap a streaming run (generate, simulate) holds (docs/performance-history.md, "Heap sizing (twelfth session)"):
 * {@value #FIXED_MB} MB for the configuration, the JVM's own objects, the writer and the collector's working space,
 * {@value #BLOCK_MB} MB per block of the pool of 2 × threads + 1 event blocks, and the sampling tables as the
 * garbage-first collector stores them ({@link TableFootprint#heapBytes}; 18 MB for coherent-lar, 293 MB for
 * reference.yaml, 1.1 GB for nucleus.yaml). Checked before the tables are built: a heap that bin/cevns chose
 * (its option {@code -D}{@value #PROPERTY}{@code =auto}) and that is too small runs the command again in a child
 * JVM with the heap it needs; a heap the user chose stops the run at once with the -Xmx it needs.
 */
final class HeapBudget {
  /** MB of heap besides the tables and the block pool (bin/cevns gives 64 MB more: room for small tables). */
  static final long FIXED_MB = 128;
  /**
   * The least MB besides the tables and the pool a run is let start with (a heap below is too small): dresden-ii
   * and conus, 122 MB of tables, ran in bin/cevns' 352 MB at 2 threads (64 + 5 × 32 + 122 = 346); moving them to a
   * child JVM would cost each run ~2.5 CPU-s more (xenonnt-b8, 1000 events: 6.1–7.4 against 4.2–4.4 CPU-s).
   */
  static final long MIN_FIXED_MB = 64;
  /** MB per block of the pool (a block of 65,536 events ~11 MB, its encoded row group ~6 MB); as in bin/cevns. */
  static final long BLOCK_MB = 32;
  /**
   * MB for the row group that simulate and detsim fill before writing it (their rows are written as they come, so
   * a row group is collected in memory up to {@link org.cevns.events.io.WriteOptions#DEFAULT_ROW_GROUP_SIZE_BYTES},
   * 128 MiB): 165 MB of live arrays measured (simulate configs/dresden-ii.yaml, 1e6 events, 2 threads: out of
   * memory in 352 MB before this was counted; docs/performance-history.md, "Peak RSS flat in the number of events
   * (seventeenth session)"); as in bin/cevns. generate encodes one row group per block of the pool instead.
   */
  static final long BUFFERED_ROW_GROUP_MB = 192;
  /** System property bin/cevns sets to {@code auto} when it chose the heap; a child run gets its -Xmx here. */
  static final String PROPERTY = "cevns.heap";
  /**
   * System property bin/cevns sets under a virtual-memory limit ({@code ulimit -v}): the limit in KB, as ulimit
   * prints it. With {@link #JVM_PROPERTY} it tells whether a child JVM with a larger heap could start at all.
   */
  static final String ADDRESS_SPACE_PROPERTY = "cevns.address-space-kb";
  /**
   * System property bin/cevns sets beside {@link #ADDRESS_SPACE_PROPERTY}: the MB of address space a JVM with
   * this run's options reserves besides its heap and the collector's tables (code cache, class space, malloc
   * arenas, thread stacks; bin/cevns' {@code jvm_mb}).
   */
  static final String JVM_PROPERTY = "cevns.jvm-mb";
  private static final long MB = 1L << 20;
  /** KB per MB (ulimit -v counts KB). */
  private static final long KB_PER_MB = 1024;

  private HeapBudget() {}

  /** Heap failure with its one-line message: exit code 1, as an OutOfMemoryError ({@link Failure}). */
  static final class TooSmall extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooSmall(String message) {
      super(message);
    }
  }

  /** MB of heap for {@code threads} workers and these tables in a G1 heap with regions of {@code regionBytes}. */
  static long neededMb(TableFootprint tables, int threads, long regionBytes) {
    return neededMb(tables, threads, regionBytes, 0);
  }

  /** As above, with {@code writerMb} more for what the writer buffers ({@link #BUFFERED_ROW_GROUP_MB} or 0). */
  static long neededMb(TableFootprint tables, int threads, long regionBytes, long writerMb) {
    return FIXED_MB + (2L * threads + 1) * BLOCK_MB + writerMb + (tables.heapBytes(regionBytes) + MB - 1) / MB;
  }

  /** {@link #neededMb} in a heap of that size (G1's regions grow with the heap above 2 GB). */
  static long neededMb(TableFootprint tables, int threads) {
    return neededInItsRegionsMb(tables, threads, 0);
  }

  /** {@link #neededMb(TableFootprint, int, long, long)} in a heap of that size (its G1 regions). */
  static long neededInItsRegionsMb(TableFootprint tables, int threads, long writerMb) {
    long region = TableFootprint.g1RegionBytes(0);
    long needed = neededMb(tables, threads, region, writerMb);
    for (int i = 0; i < 8 && TableFootprint.g1RegionBytes(needed * MB) != region; i++) {
      region = TableFootprint.g1RegionBytes(needed * MB);
      needed = Math.max(needed, neededMb(tables, threads, region, writerMb));
    }
    return needed;
  }

  /**
   * Empty when this JVM's heap holds a run of {@code threads} workers with the tables of {@code model} (with at
   * least {@value #MIN_FIXED_MB} MB beside the tables and the pool); else, under
   * bin/cevns's heap, the exit code of the same command run in a child JVM with the heap it needs.
   *
   * @param writerMb MB the writer buffers besides the pool ({@link #BUFFERED_ROW_GROUP_MB} for simulate, 0 for
   *     generate)
   * @throws TooSmall when the heap is too small and was not chosen by bin/cevns (or the child cannot start)
   */
  static OptionalInt fit(ExperimentModel model, GeneratorSettings settings, int threads, long writerMb) {
    TableFootprint tables = TableFootprint.of(model, settings);
    long max = Runtime.getRuntime().maxMemory();
    long least = neededMb(tables, threads, TableFootprint.g1RegionBytes(max), writerMb) - FIXED_MB + MIN_FIXED_MB;
    if (max >= least * MB) {
      return OptionalInt.empty();
    }
    long needed = neededInItsRegionsMb(tables, threads, writerMb);
    String[] args = Main.arguments();
    if ("auto".equals(System.getProperty(PROPERTY)) && args.length > 0) {
      Long limitKb = Long.getLong(ADDRESS_SPACE_PROPERTY);
      Long jvmMb = Long.getLong(JVM_PROPERTY);
      if (limitKb != null && jvmMb != null && !fitsAddressSpace(needed, limitKb, jvmMb)) {
        throw new TooSmall(addressSpaceMessage(tables, settings, needed, limitKb, jvmMb));
      }
      return OptionalInt.of(relaunch(needed, args));
    }
    throw new TooSmall(message(tables, settings, threads, needed, max, writerMb));
  }

  static String message(TableFootprint tables, GeneratorSettings settings, int threads, long needed, long max) {
    return message(tables, settings, threads, needed, max, 0);
  }

  static String message(TableFootprint tables, GeneratorSettings settings, int threads, long needed, long max,
      long writerMb) {
    long tablesMb = needed - FIXED_MB - (2L * threads + 1) * BLOCK_MB - writerMb;
    return String.format(Locale.ROOT, "not enough heap: the sampling tables of this configuration (%d tables for %d"
        + " channels, generator.energy_nodes %d x recoil_nodes %d) take %d MB, and %d worker thread%s"
        + (writerMb > 0 ? " and the row group being written" : "") + " need %d MB more, but"
        + " Java has %d MB; give it -Xmx%dm (bin/cevns sizes it itself when CEVNS_JAVA_OPTS is unset) or use fewer"
        + " nodes", tables.tables(), tables.channels(), settings.energyNodes(), settings.recoilNodes(), tablesMb,
        threads, threads == 1 ? "" : "s", needed - tablesMb, max / MB, needed);
  }

  /**
   * Whether a JVM with a heap of {@code heapMb} starts under a virtual-memory limit of {@code limitKb}: its heap,
   * the collector's tables (1/32 of the heap) and {@code jvmMb} of other reservations, as bin/cevns counts them.
   */
  static boolean fitsAddressSpace(long heapMb, long limitKb, long jvmMb) {
    return addressSpaceMb(heapMb, jvmMb) <= limitKb / KB_PER_MB;
  }

  private static long addressSpaceMb(long heapMb, long jvmMb) {
    return heapMb + heapMb / 32 + jvmMb;
  }

  /**
   * The one line when the heap these tables need would not fit the virtual-memory limit: under {@code ulimit -v}
   * the child JVM failed with the JVM's own "Could not reserve enough space for … object heap" or a crash report
   * (generate configs/nucleus.yaml at ulimit -v 1200000 and 1500000, thirtieth session).
   */
  static String addressSpaceMessage(TableFootprint tables, GeneratorSettings settings, long neededMb, long limitKb,
      long jvmMb) {
    long needKb = addressSpaceMb(neededMb, jvmMb) * KB_PER_MB;
    return String.format(Locale.ROOT, "not enough heap: the sampling tables of this configuration (%d tables for %d"
        + " channels, generator.energy_nodes %d x recoil_nodes %d) need a heap of %d MB, and Java with it needs about"
        + " %d MB of address space, more than the virtual-memory limit (ulimit -v %d KB = %d MB); raise it (ulimit"
        + " -v %d or unlimited), run on a node without it, or use fewer nodes", tables.tables(), tables.channels(),
        settings.energyNodes(), settings.recoilNodes(), neededMb, needKb / KB_PER_MB, limitKb,
        limitKb / KB_PER_MB, needKb);
  }

  /** Runs this command again in a child JVM (same options, heap {@code neededMb}), returns its exit code. */
  private static int relaunch(long neededMb, String[] args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-Xmx") && !a.startsWith("-XX:MaxHeapSize=") && !a.startsWith("-D" + PROPERTY + "=")) {
        cmd.add(a);
      }
    }
    cmd.add("-Xmx" + neededMb + "m");
    cmd.add("-D" + PROPERTY + "=" + neededMb + "m"); // not "auto": the child does not start another one
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    Process child;
    try {
      child = new ProcessBuilder(cmd).inheritIO().start();
    } catch (IOException e) {
      throw new TooSmall("not enough heap, and Java with -Xmx" + neededMb + "m could not be started: "
          + e.getMessage());
    }
    // SIGTERM or SIGINT of this JVM: the child stops too, and cleans up its output before this one exits
    Thread stop = new Thread(() -> {
      child.destroy();
      try {
        child.waitFor(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "cevns-child-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroy();
      throw new IllegalStateException("interrupted while waiting for the child JVM", e);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs
      }
    }
  }
}
