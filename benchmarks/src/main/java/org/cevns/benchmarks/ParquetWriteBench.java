package org.cevns.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.physics.constants.PhysicalConstants;
import org.cevns.events.block.EventBlock;
import org.cevns.events.block.EventDictionary;
import org.cevns.events.io.ColumnBatch;
import org.cevns.events.io.ColumnarFileReader;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.TruthColumns;
import org.cevns.events.io.TruthMetadata;
import org.cevns.events.io.TruthParquetSink;
import org.cevns.events.io.WriteOptions;

/**
 * The Parquet I/O ceiling: writes N synthetic truth events (pre-filled blocks with plausible values) through
 * {@link TruthParquetSink} for each codec and prints events/s and bytes/event, then reads them back with a
 * projection ({@link ColumnarFileReader}) and prints events/s. The synthetic values are generated before
 * timing; only the event ids are rewritten per block inside the timed loop. With {@code --threads T} the
 * events go to T shards written (and read) in parallel, one thread each. Rates are given per wall-clock second
 * and per CPU second of the working threads (JIT and GC threads excluded), the latter being robust to other
 * load on the machine.
 *
 * <pre>
 * java -cp ... org.cevns.benchmarks.ParquetWriteBench [--events 2e7] [--codecs snappy,zstd,uncompressed]
 *     [--dir /tmp] [--read recoil_kev,weight,detector] [--read-path pages|columns|records|all]
 *     [--repeat R] [--writer-version v1|v2] [--threads T] [--keep] [--input FILE_OR_DIR]
 * </pre>
 */
public final class ParquetWriteBench {
  private static final int DISTINCT_BLOCKS = 16;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String USAGE = "usage: [--events N] [--codecs a,b] [--dir D] [--read col,col|''] "
      + "[--read-path pages|columns|records|all] [--repeat R] [--writer-version v1|v2] [--threads T] [--keep] "
      + "[--input FILE_OR_DIR (read only)]";

  private ParquetWriteBench() {}

  public static void main(String[] args) throws IOException {
    long events = 20_000_000L;
    List<String> codecs = List.of("snappy", "zstd", "uncompressed");
    String dir = System.getProperty("java.io.tmpdir");
    List<String> readColumns = List.of(TruthColumns.RECOIL_KEV, TruthColumns.WEIGHT, TruthColumns.DETECTOR);
    String readPath = "pages";
    int repeat = 1;
    WriterVersion version = WriterVersion.PARQUET_1_0;
    int threads = 1;
    boolean keep = false;
    String input = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--events" -> events = (long) Double.parseDouble(value);
        case "--codecs" -> codecs = Arrays.asList(value.split(","));
        case "--dir" -> dir = value;
        case "--read" -> readColumns = value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
        case "--read-path" -> readPath = value;
        case "--repeat" -> repeat = Integer.parseInt(value);
        case "--writer-version" -> version = WriterVersion.fromString(value);
        case "--threads" -> threads = Integer.parseInt(value);
        case "--input" -> input = value;
        case "--keep" -> {
          keep = true;
          i--;
        }
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
      }
      i++;
    }
    if (events < 1 || threads < 1 || repeat < 1) {
      throw new IllegalArgumentException("--events, --threads and --repeat must be >= 1; " + USAGE);
    }
    Configuration conf = HadoopFiles.configuration();
    if (input != null) {
      Path in = HadoopFiles.path(input);
      long rows;
      try (ColumnarFileReader r = ColumnarFileReader.open(in, conf, ColumnarFileReader.ReadPath.PAGES)) {
        rows = r.totalRows();
      }
      for (int k = 0; k < repeat; k++) {
        readAll(in, threads, readColumns, conf, readPath, rows);
      }
      return;
    }
    EventDictionary dictionary = new EventDictionary(List.of("csi", "nai"), List.of("pi_prompt", "mu_delayed"),
        List.of("beam"));
    System.out.printf(Locale.ROOT, "# %d events, %d thread(s), %s, java %s, %d cpus, load average %.2f%n", events,
        threads, version, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "%-13s %12s %9s %14s %9s %12s %12s%n", "codec", "events/s", "wall s",
        "events/cpu-s", "cpu s", "bytes", "bytes/event");
    for (String name : codecs) {
      CompressionCodecName codec = WriteOptions.parseCompression(name);
      String stem = "cevns-bench-" + codec.name().toLowerCase(Locale.ROOT);
      Path out = new Path(new java.io.File(dir).getAbsolutePath(), threads == 1 ? stem + ".parquet" : stem);
      WriteOptions options = WriteOptions.defaults().withCompression(codec).withOverwrite(true)
          .withWriterVersion(version);
      FileSystem fs = HadoopFiles.fileSystem(out, conf);
      fs.delete(out, true);
      writeShards(out, threads, Math.min(events, 8L * EventBlock.CAPACITY), dictionary, options, conf); // JIT
      fs.delete(out, true);
      long t0 = System.nanoTime();
      double cpu = writeShards(out, threads, events, dictionary, options, conf);
      double seconds = (System.nanoTime() - t0) * 1e-9;
      long bytes = fs.getContentSummary(out).getLength();
      System.out.printf(Locale.ROOT, "%-13s %12.4g %9.2f %14.4g %9.2f %12d %12.2f%n", codec, events / seconds, seconds,
          events / cpu, cpu, bytes, (double) bytes / events);
      for (int k = 0; k < repeat && !readColumns.isEmpty(); k++) {
        readAll(out, threads, readColumns, conf, readPath, events);
      }
      if (!keep) {
        fs.delete(out, true);
      }
    }
  }

  /** Writes {@code events} to one file, or with several threads to as many shards in directory {@code out}. */
  private static double writeShards(Path out, int threads, long events, EventDictionary dictionary,
      WriteOptions options, Configuration conf) throws IOException {
    long blocksTotal = (events + EventBlock.CAPACITY - 1) / EventBlock.CAPACITY;
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long firstBlock = blocksTotal * t / threads;
      long endBlock = blocksTotal * (t + 1) / threads;
      long n = Math.min(events, endBlock * EventBlock.CAPACITY) - firstBlock * EventBlock.CAPACITY;
      Path file = threads == 1 ? out : new Path(out, String.format(Locale.ROOT, "part-%05d.parquet", t));
      EventBlock[] blocks = syntheticBlocks(threads == 1 ? DISTINCT_BLOCKS : DISTINCT_BLOCKS / 2, 20211L + t);
      tasks.add(() -> {
        write(file, firstBlock, n, blocks, dictionary, options, conf);
        return null;
      });
    }
    return runAll(tasks);
  }

  private static void write(Path file, long firstBlock, long events, EventBlock[] blocks, EventDictionary dictionary,
      WriteOptions options, Configuration conf) throws IOException {
    TruthParquetSink sink = TruthParquetSink.open(file, dictionary, Map.of(TruthMetadata.VERSION, "bench"), options,
        conf);
    long written = 0;
    for (long k = firstBlock; written < events; k++) {
      EventBlock b = blocks[(int) (k % blocks.length)];
      int n = (int) Math.min(EventBlock.CAPACITY, events - written);
      for (int i = 0; i < n; i++) {
        b.eventId[i] = k * EventBlock.CAPACITY + i;
      }
      b.setSize(n);
      sink.accept(k, b);
      written += n;
    }
    sink.close();
  }

  private static void readAll(Path in, int threads, List<String> columns, Configuration conf, String readPath,
      long events) throws IOException {
    for (ColumnarFileReader.ReadPath p : ColumnarFileReader.ReadPath.values()) {
      if (readPath.equals("all") || readPath.equalsIgnoreCase(p.name())) {
        read(in, threads, columns, conf, p, events);
      }
    }
  }

  /** Reads the selected columns of all files, the files shared round-robin by {@code threads} threads. */
  private static void read(Path in, int threads, List<String> columns, Configuration conf,
      ColumnarFileReader.ReadPath path, long events) throws IOException {
    List<Path> files = HadoopFiles.parquetFiles(in, conf);
    double[] checksums = new double[threads];
    long[] rows = new long[threads];
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      tasks.add(() -> {
        for (int f = thread; f < files.size(); f += threads) {
          try (ColumnarFileReader r = ColumnarFileReader.open(files.get(f), conf, path)) {
            ColumnBatch b = r.select(columns, EventBlock.CAPACITY);
            while (r.next(b)) {
              rows[thread] += b.size();
              checksums[thread] += checksum(b);
            }
          }
        }
        return null;
      });
    }
    long t0 = System.nanoTime();
    double cpu = runAll(tasks);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    long total = Arrays.stream(rows).sum();
    if (total != events) {
      throw new IllegalStateException("read " + total + " rows, wrote " + events);
    }
    System.out.printf(Locale.ROOT, "  read %-8s %s, %d thread(s): %.4g events/s (%.2f s wall), %.4g events/cpu-s"
        + " (%.2f cpu s), checksum %.6g%n", path.name().toLowerCase(Locale.ROOT), columns, threads, total / seconds,
        seconds, total / cpu, cpu, Arrays.stream(checksums).sum());
  }

  /** Runs the tasks, one thread each, and returns the CPU seconds their threads used. */
  private static double runAll(List<Callable<Void>> tasks) throws IOException {
    List<Callable<Double>> timed = new ArrayList<>();
    for (Callable<Void> t : tasks) {
      timed.add(() -> {
        long c0 = THREADS.getCurrentThreadCpuTime();
        t.call();
        return (THREADS.getCurrentThreadCpuTime() - c0) * 1e-9;
      });
    }
    if (timed.size() == 1) {
      try {
        return timed.get(0).call();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(timed.size());
    try {
      double cpu = 0;
      for (Future<Double> f : pool.invokeAll(timed)) {
        cpu += f.get();
      }
      return cpu;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("parallel task failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Sums every selected numeric column so the reads cannot be optimised away. */
  private static double checksum(ColumnBatch b) {
    double s = 0;
    int n = b.size();
    for (String c : b.columns()) {
      switch (b.type(c).getPrimitiveTypeName()) {
        case DOUBLE -> {
          double[] v = b.doubles(c);
          for (int i = 0; i < n; i++) {
            s += v[i];
          }
        }
        case INT32 -> s += sum(b.ints(c), n);
        case BINARY -> s += sum(b.codes(c), n);
        case INT64 -> {
          long[] v = b.longs(c);
          for (int i = 0; i < n; i++) {
            s += v[i];
          }
        }
        default -> { }
      }
    }
    return s;
  }

  private static double sum(int[] v, int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += v[i];
    }
    return s;
  }

  /**
   * Blocks of plausible (not physically sampled) pion-DAR events on CsI, only for I/O timing: prompt ν_μ line
   * with a Gaussian time (σ 150 ns); ν_e and ν̄_μ from muon decay with an energy density rising linearly up
   * to m_μ/2 and exponential times (muon lifetime); Cs or I targets; exponential recoils (mean 8 keV);
   * 10% EvES; 10% in a second detector; weight 1.
   */
  static EventBlock[] syntheticBlocks(int count, long seed) {
    final double promptSigmaNs = 150.0;
    final double meanRecoilKeV = 8.0;
    final double michelEndpointMeV = PhysicalConstants.MUON_MASS_MEV / 2;
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ContinuousSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    EventBlock[] blocks = new EventBlock[count];
    for (int k = 0; k < count; k++) {
      EventBlock b = new EventBlock();
      for (int i = 0; i < EventBlock.CAPACITY; i++) {
        b.detector[i] = rng.nextInt(10) == 0 ? 1 : 0;
        b.process[i] = (byte) (rng.nextInt(10) == 0 ? Process.EVES : Process.CEVNS).ordinal();
        int f = rng.nextInt(3);
        boolean prompt = f == 0;
        b.flavor[i] = (byte) (prompt ? Flavor.NUMU : f == 1 ? Flavor.NUE : Flavor.NUMUBAR).ordinal();
        b.parent[i] = prompt ? 0 : 1;
        b.enuMeV[i] = prompt ? PhysicalConstants.PROMPT_NUMU_ENERGY_MEV : michelEndpointMeV * Math.sqrt(rng.nextDouble());
        boolean cs = rng.nextBoolean();
        b.targetZ[i] = cs ? 55 : 53;
        b.targetA[i] = cs ? 133 : 127;
        b.recoilKeV[i] = -meanRecoilKeV * Math.log(1.0 - rng.nextDouble());
        b.timeNs[i] = prompt ? promptSigmaNs * gauss.sample()
            : -PhysicalConstants.MUON_LIFETIME_NS * Math.log(1.0 - rng.nextDouble());
        b.period[i] = 0;
        b.weight[i] = 1.0;
      }
      b.setSize(EventBlock.CAPACITY);
      blocks[k] = b;
    }
    return blocks;
  }
}
