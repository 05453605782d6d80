package org.cevns.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cevns.events.block.EventBlock;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns shards}: ready-to-submit HTCondor and Slurm files for a run cut into N shards. */
@Command(
    name = "shards",
    mixinStandardHelpOptions = true,
    description = {
      "Writes ready-to-submit batch files (HTCondor, Slurm) for a run cut into N shards (docs/scale.md).",
      "Files:",
      "  DIR/shard.sh I",
      "      makes shard I/N (cevns generate|simulate|toys --shard I/N) as",
      "      DIR/shards/part-IIIII.parquet",
      "  DIR/merge.sh",
      "      cevns merge DIR/shards: checks the shards, writes",
      "      DIR/shards/_cevns-run.json;",
      "      toys: cevns sensitivity --toy-results DIR/shards -o DIR/summary (checks",
      "      that every toy is present once, writes toys.json and the plots)",
      "  DIR/condor/run.dag",
      "      HTCondor DAG: one node per shard (shard.sub, each retried twice; a",
      "      rescue DAG reruns only failed shards), then merge.sub",
      "  DIR/slurm/submit.sh",
      "      Slurm: the job array shards.sbatch, then merge.sbatch (afterok)",
      "The seed is fixed in the scripts (--seed, the config's seed, or drawn here and printed); each job's",
      "Java heap (-Xmx) is the one its stage needs for CONFIG, its memory request that + " + ShardsCommand.NON_HEAP_MB + " MB."
    },
    footer = {"", HelpText.EXAMPLES,
        "  cevns shards configs/coherent-lar.yaml --shards 100 --events 100000000 \\",
        "      -o lar-batch",
        "  condor_submit_dag lar-batch/condor/run.dag     # HTCondor",
        "  sh lar-batch/slurm/submit.sh                   # or Slurm",
        "", HelpText.EXIT_CODES})
final class ShardsCommand implements Callable<Integer> {
  /** MB a shard job requests by default (more when its heap needs it). */
  static final long DEFAULT_MEMORY_MB = 2048;
  /**
   * MB a shard job's JVM takes outside its heap: metaspace, code cache, thread stacks, the collector's data and the
   * compressors' native buffers (~100 MB committed by Native Memory Tracking for simulate configs/ess.yaml at 4 threads,
   * RSS 404 MB with -Xmx721m at one thread, 2026-12-06), with room to spare.
   */
  static final long NON_HEAP_MB = 256;
  /**
   * Heap of the final node (merge.sh: cevns merge reads the footers; for toys cevns sensitivity reads the toy
   * table, ~0.4 KB a toy), within the 1024 MB it requests.
   */
  static final long MERGE_HEAP_MB = 768;
  /** Largest heap given to a toys job (bin/cevns gives toys 4 GB). */
  static final long TOYS_HEAP_MB = 4096;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment configuration (YAML), on a file system the batch nodes see")
  Path config;

  @picocli.CommandLine.Mixin ConfigOverrides overrides = new ConfigOverrides();

  /** The most shards: their part files are numbered part-00000 to part-99999. */
  static final int MAX_SHARDS = 100_000;

  @Option(names = "--shards", required = true, paramLabel = "N", description = "number of shards = batch jobs")
  int shards;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "directory of the batch files and of the shards (must not exist or be empty)")
  Path output;

  @Option(names = "--stage", paramLabel = "STAGE", description = "generate, simulate or toys (default ${DEFAULT-VALUE})")
  String stage = "generate";

  @Option(names = "--toys", paramLabel = "N", description = "toys: number of toy experiments of the study (split over the shards)")
  Long toys;

  @Option(names = "--max-template-events", paramLabel = "N", description = "toys: cap on the events of each job's template simulation")
  Long maxTemplateEvents;

  @ArgGroup(exclusive = true)
  RunOptions.CountOptions count = new RunOptions.CountOptions();

  @Option(names = "--seed", paramLabel = "S", description = "random seed (default: the config's seed; else drawn and printed)")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "worker threads and CPUs per shard job (default ${DEFAULT-VALUE})")
  int threads = 1;

  @Option(names = "--memory-mb", paramLabel = "MB", description = "memory requested per shard job (default 2048, or"
      + " more if the job's Java heap needs it: heap + " + NON_HEAP_MB + " MB)")
  Integer memoryMb;

  @Option(names = "--weighted", description = "weighted events")
  boolean weighted;

  @Option(names = "--drop-undetected", description = "simulate: keep only detected events")
  boolean dropUndetected;

  @Option(names = "--compression", paramLabel = "CODEC", description = "Parquet compression (default zstd)")
  String compression;

  @Option(names = "--cevns", paramLabel = "COMMAND",
      description = "how a batch node runs cevns (default: java -jar with the absolute path of this cevns.jar)")
  String cevns;

  @Override
  public Integer call() throws Exception {
    if (shards < 1 || shards > MAX_SHARDS) { // 1e9 shards ran out of memory writing the DAG (exit 1)
      throw new UserException(shards < 1 ? "--shards: must be >= 1, got " + shards
          : "--shards: must be at most " + MAX_SHARDS + " (part files are numbered with five digits), got " + shards);
    }
    ThreadCount.check("--threads", threads);
    if (memoryMb != null && memoryMb < 1) {
      throw new UserException("--memory-mb: must be >= 1, got " + memoryMb);
    }
    if (!stage.equals("generate") && !stage.equals("simulate") && !stage.equals("toys")) {
      throw new UserException("--stage: must be generate, simulate or toys, got " + stage);
    }
    boolean toyStudy = stage.equals("toys");
    if (toyStudy && (toys == null || toys < 1)) {
      throw new UserException("--toys: --stage toys needs --toys N >= 1, got " + toys);
    }
    if (!toyStudy && (toys != null || maxTemplateEvents != null)) {
      throw new UserException((toys != null ? "--toys" : "--max-template-events") + ": only with --stage toys");
    }
    if (toyStudy && (count.events != null || count.mean || weighted || compression != null)) {
      throw new UserException("--stage toys: --events, --mean, --weighted and --compression do not apply to toys");
    }
    if (maxTemplateEvents != null && maxTemplateEvents < 1) {
      throw new UserException("--max-template-events: must be >= 1, got " + maxTemplateEvents);
    }
    if (dropUndetected && !stage.equals("simulate")) {
      throw new UserException("--drop-undetected: only with --stage simulate");
    }
    if (count.events != null && (count.events < 0 || count.events > org.cevns.generator.run.EventCount.MAX_EVENTS)) {
      // the range of generate and simulate: before, 1e13 wrote scripts whose every job would be refused
      throw new UserException("--events: must be in [0, " + org.cevns.generator.run.EventCount.MAX_EVENTS + "] (10^12), got " + count.events);
    }
    if (compression != null) { // as generate and simulate read it: before, --compression foo wrote failing jobs
      try {
        org.cevns.events.io.WriteOptions.defaults().withCompression(compression);
      } catch (IllegalArgumentException e) {
        throw new UserException("--compression: " + e.getMessage());
      }
    }
    ConfigSupport.Loaded loaded = ConfigSupport.load(config, overrides);
    long runSeed = ConfigSupport.seed(seed, loaded.config());
    long heapMb = heapMb(loaded, toyStudy);
    int requestMb = memoryMb != null ? memoryMb : (int) Math.max(DEFAULT_MEMORY_MB, heapMb + NON_HEAP_MB);
    if (requestMb < heapMb + NON_HEAP_MB) {
      throw new UserException(String.format(Locale.ROOT, "--memory-mb: a %s job of %s with %d thread%s needs a Java"
          + " heap of %d MB (its sampling tables and event blocks) + %d MB outside the heap, got %d; give --memory-mb %d"
          + " or more", stage, config, threads, threads == 1 ? "" : "s", heapMb, NON_HEAP_MB, requestMb,
          heapMb + NON_HEAP_MB));
    }
    if (toyStudy) {
      heapMb = Math.max(heapMb, Math.min(TOYS_HEAP_MB, requestMb - NON_HEAP_MB));
    }
    Path dir = output.toAbsolutePath().normalize();
    if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
      throw new UserException(output + ": exists and is not an empty directory");
    }
    String unusable = BatchScripts.unusableCharacter(dir);
    if (unusable != null) {
      throw new UserException(output + ": " + unusable + "; choose another directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw OutputFiles.cannotWrite(output.toString(), e);
    }
    List<String> args = new ArrayList<>(List.of(stage, config.toAbsolutePath().normalize().toString(), "--seed",
        Long.toString(runSeed)));
    args.addAll(overrides.arguments());
    if (toyStudy) {
      args.addAll(List.of("--toys", Long.toString(toys)));
      if (maxTemplateEvents != null) {
        args.addAll(List.of("--max-template-events", Long.toString(maxTemplateEvents)));
      }
    } else if (count.events != null) {
      args.addAll(List.of("--events", Long.toString(count.events)));
    } else if (count.mean) {
      args.add("--mean");
    }
    if (weighted) {
      args.add("--weighted");
    }
    if (dropUndetected) {
      args.add("--drop-undetected");
    }
    if (compression != null) {
      args.addAll(List.of("--compression", compression));
    }
    String name = "cevns-" + loaded.config().name().replaceAll("[^A-Za-z0-9_.-]", "_");
    BatchScripts scripts = new BatchScripts(dir, cevns != null ? cevns : defaultCevns("-Xmx" + heapMb + "m"),
        cevns != null ? cevns : defaultCevns("-Xmx" + MERGE_HEAP_MB + "m"), args,
        shards, threads, requestMb, name, toyStudy, config.toAbsolutePath().normalize().toString());
    List<String> written = scripts.write();
    spec.commandLine().getErr().printf(Locale.ROOT, "cevns: %s: %d shards of %s, seed %d, %d MB per job (Java heap"
        + " %s): wrote %s%n"
        + "cevns: submit with  %s  or  %s%n", dir, shards, stage, runSeed, requestMb,
        cevns != null ? "as --cevns sets it" : heapMb + " MB", String.join(", ", written),
        scripts.condorSubmitDag(), BatchScripts.q(dir.resolve("slurm/submit.sh").toString()));
    String empty = emptyShards(count.events, shards);
    if (empty != null) {
      spec.commandLine().getErr().println("cevns: warning: " + empty);
    }
    spec.commandLine().getErr().flush();
    return 0;
  }

  /**
   * The Java heap of a shard job: what {@code cevns generate|simulate} needs for the sampling tables of this
   * configuration and the block pool of its threads ({@link HeapBudget}; simulate and toys also fill a row group),
   * plus the 64 MB bin/cevns adds. Given to the job's JVM as -Xmx: without it Java takes a quarter of the job's memory
   * limit (Slurm's cgroup: 512 MB of the default 2048), and a shard of configs/ess.yaml stopped at once with "not
   * enough heap" (simulate needed 721 MB at one thread; 618 MB now).
   */
  private long heapMb(ConfigSupport.Loaded loaded, boolean toyStudy) {
    org.cevns.schema.GeneratorSettings fromConfig = loaded.config().generator();
    org.cevns.schema.GeneratorSettings gs = weighted && !fromConfig.weighted()
        ? new org.cevns.schema.GeneratorSettings(true, fromConfig.energyNodes(), fromConfig.recoilNodes()) : fromConfig;
    long writerMb = stage.equals("generate") ? 0 : HeapBudget.BUFFERED_ROW_GROUP_MB;
    return HeapBudget.neededInItsRegionsMb(org.cevns.generator.run.TableFootprint.of(loaded.model(), gs), threads,
        writerMb) + 64;
  }

  /**
   * What to say when a run of {@code events} events (null: an exposure run, whose count is drawn) has fewer blocks than
   * {@code shards}: shard I gets the blocks [⌊I·B/N⌋, ⌊(I+1)·B/N⌋) of the run's B blocks (docs/scale.md), so N − B
   * shards hold none. Valid, but a user who asked for 3 shards of 3000 events found two empty files without a word
   * (walk32); null when every shard gets a block, and for 0 events (every shard is empty on purpose).
   */
  static String emptyShards(Long events, int shards) {
    if (events == null || events == 0) {
      return null;
    }
    long blocks = (events + EventBlock.CAPACITY - 1) / EventBlock.CAPACITY;
    if (blocks >= shards) {
      return null;
    }
    return String.format(Locale.ROOT, "%d events are %d block%s of %d events, and a shard holds whole blocks: %d of"
        + " the %d shards will be empty (valid files with 0 rows; docs/scale.md); fewer shards, at most %d, avoid it",
        events, blocks, blocks == 1 ? "" : "s", EventBlock.CAPACITY, shards - blocks, shards, blocks);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /**
   * {@code java OPTIONS -jar /abs/cevns.jar} when running from the jar; else this JVM's class path and main class.
   *
   * @param javaOptions JVM options (shell words)
   */
  static String defaultCevns(String javaOptions) {
    String java = "\"${JAVA:-" + Path.of(System.getProperty("java.home"), "bin", "java") + "}\" " + javaOptions;
    try {
      Path source = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(source) && source.toString().endsWith(".jar")) {
        return java + " -jar " + BatchScripts.q(source.toAbsolutePath().toString());
      }
    } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
      // fall through to the class path
    }
    return java + " -cp " + BatchScripts.q(System.getProperty("java.class.path")) + " " + Main.class.getName();
  }
}
