package org.cevns.generator.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.cevns.generator.Flavor;
import org.cevns.generator.Process;
import org.cevns.generator.constants.PhysicalConstants;
import org.cevns.generator.event.EventBlock;
import org.cevns.generator.event.EventDictionary;

/**
 * The Parquet I/O ceiling: writes N synthetic truth events (pre-filled blocks with realistic values, a
 * CsI detector at a pion decay-at-rest source) through {@link TruthParquetSink} for each codec and prints
 * events/s and bytes/event; then reads the file back with a projection ({@link ColumnarFileReader}) and
 * prints events/s. The synthetic values are generated before timing; only the event ids are rewritten per
 * block inside the timed loop.
 *
 * <pre>
 * java -cp ... org.cevns.generator.io.ParquetWriteBench [--events 2e7] [--codecs snappy,zstd,uncompressed]
 *     [--dir /tmp] [--read recoil_kev,weight,detector] [--read-path pages|columns|records|all] [--keep]
 * </pre>
 */
public final class ParquetWriteBench {
  private static final int DISTINCT_BLOCKS = 16;

  private ParquetWriteBench() {}

  public static void main(String[] args) throws IOException {
    long events = 20_000_000L;
    List<String> codecs = List.of("snappy", "zstd", "uncompressed");
    String dir = System.getProperty("java.io.tmpdir");
    List<String> readColumns = List.of(TruthColumns.RECOIL_KEV, TruthColumns.WEIGHT, TruthColumns.DETECTOR);
    String readPath = "pages";
    boolean keep = false;
    String input = null;
    int repeat = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = (long) Double.parseDouble(args[++i]);
        case "--codecs" -> codecs = Arrays.asList(args[++i].split(","));
        case "--dir" -> dir = args[++i];
        case "--read" -> {
          String cols = args[++i];
          readColumns = cols.isEmpty() ? List.of() : Arrays.asList(cols.split(","));
        }
        case "--read-path" -> readPath = args[++i];
        case "--keep" -> keep = true;
        case "--input" -> input = args[++i];
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument '" + args[i]
            + "'; usage: [--events N] [--codecs a,b] [--dir D] [--read cols] [--read-path pages|columns|records|all] [--keep]"
            + " [--input FILE (read only)] [--repeat R]");
      }
    }
    if (events < 1) {
      throw new IllegalArgumentException("--events must be >= 1, got " + events);
    }
    Configuration conf = HadoopFiles.configuration();
    if (input != null) {
      Path file = HadoopFiles.path(input);
      long rows;
      try (ColumnarFileReader r = ColumnarFileReader.open(file, conf, ColumnarFileReader.ReadPath.COLUMNS)) {
        rows = r.totalRows();
      }
      for (int k = 0; k < repeat; k++) {
        readAll(file, readColumns, conf, readPath, rows);
      }
      return;
    }
    EventDictionary dictionary = new EventDictionary(List.of("csi", "nai"),
        List.of("pi_prompt", "mu_delayed"), List.of("beam"));
    EventBlock[] blocks = syntheticBlocks(DISTINCT_BLOCKS, 20211L);
    System.out.printf(Locale.ROOT, "# %d events, %d distinct pre-filled blocks of %d, java %s, %d cpus%n", events,
        DISTINCT_BLOCKS, EventBlock.CAPACITY, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "%-13s %12s %9s %12s %12s%n", "codec", "events/s", "seconds", "bytes", "bytes/event");
    for (String name : codecs) {
      CompressionCodecName codec = WriteOptions.parseCompression(name);
      Path file = new Path(new java.io.File(dir).getAbsolutePath(), "cevns-bench-" + codec.name().toLowerCase(Locale.ROOT)
          + ".parquet");
      WriteOptions options = WriteOptions.defaults().withCompression(codec).withOverwrite(true);
      write(file, Math.min(events, 4L * EventBlock.CAPACITY), blocks, dictionary, options, conf); // JIT warm-up
      long t0 = System.nanoTime();
      write(file, events, blocks, dictionary, options, conf);
      double seconds = (System.nanoTime() - t0) * 1e-9;
      FileSystem fs = HadoopFiles.fileSystem(file, conf);
      long bytes = fs.getFileStatus(file).getLen();
      System.out.printf(Locale.ROOT, "%-13s %12.4g %9.2f %12d %12.2f%n", codec, events / seconds, seconds, bytes,
          (double) bytes / events);
      for (int k = 0; k < repeat && !readColumns.isEmpty(); k++) {
        readAll(file, readColumns, conf, readPath, events);
      }
      if (!keep) {
        fs.delete(file, false);
      }
    }
  }

  private static void write(Path file, long events, EventBlock[] blocks, EventDictionary dictionary,
      WriteOptions options, Configuration conf) throws IOException {
    TruthParquetSink sink = TruthParquetSink.open(file, dictionary, Map.of(TruthMetadata.VERSION, "bench"), options,
        conf);
    long written = 0;
    for (long k = 0; written < events; k++) {
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

  private static void readAll(Path file, List<String> columns, Configuration conf, String readPath, long events)
      throws IOException {
    for (ColumnarFileReader.ReadPath p : ColumnarFileReader.ReadPath.values()) {
      if (readPath.equals("all") || readPath.equalsIgnoreCase(p.name())) {
        read(file, columns, conf, p, events);
      }
    }
  }

  private static void read(Path file, List<String> columns, Configuration conf, ColumnarFileReader.ReadPath path,
      long events) throws IOException {
    double checksum = 0;
    long rows = 0;
    long t0 = System.nanoTime();
    try (ColumnarFileReader r = ColumnarFileReader.open(file, conf, path)) {
      ColumnBatch b = r.select(columns, EventBlock.CAPACITY);
      while (r.next(b)) {
        rows += b.size();
        checksum += checksum(b);
      }
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    if (rows != events) {
      throw new IllegalStateException("read " + rows + " rows, wrote " + events);
    }
    System.out.printf(Locale.ROOT, "  read %-8s %s: %.4g events/s (%.2f s, checksum %.6g)%n",
        path.name().toLowerCase(Locale.ROOT), columns, rows / seconds, seconds, checksum);
  }

  /** Sums every selected numeric column so the reads cannot be optimised away. */
  private static double checksum(ColumnBatch b) {
    double s = 0;
    for (String c : b.columns()) {
      switch (b.type(c).getPrimitiveTypeName()) {
        case DOUBLE -> {
          double[] v = b.doubles(c);
          for (int i = 0; i < b.size(); i++) {
            s += v[i];
          }
        }
        case INT32 -> s += sum(b.ints(c), b.size());
        case BINARY -> s += sum(b.codes(c), b.size());
        case INT64 -> {
          long[] v = b.longs(c);
          for (int i = 0; i < b.size(); i++) {
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
   * 10% EvES; two detectors; weight 1.
   */
  static EventBlock[] syntheticBlocks(int count, long seed) {
    final double promptSigmaNs = 150.0;
    final double meanRecoilKeV = 8.0;
    final double michelEndpointMeV = PhysicalConstants.MUON_MASS_MEV / 2;
    SplittableRandom rng = new SplittableRandom(seed);
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
        b.timeNs[i] = prompt ? promptSigmaNs * rng.nextGaussian()
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
