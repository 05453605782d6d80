package org.cevns.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.cevns.analysis.hist.BinEdges;
import org.cevns.events.io.HadoopFiles;
import org.cevns.events.io.WriteOptions;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.events.EventFile;
import org.cevns.analysis.events.EventFileHistogrammer;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.hist.Histogram1D;
import org.cevns.analysis.hist.Histogram2D;
import org.cevns.events.io.EventFileWriter;

/**
 * Benchmark of histogramming from Parquet with column projection ({@link EventFileHistogrammer}): writes
 * synthetic detector-level events (the {@code cevns simulate} column layout, pion-DAR-like content: one CsI
 * detector, signal and three background components in runs as the simulation writes them, 45 % detected,
 * random window, observed energy, PE and time) into one file or a directory of shards, then histograms them
 * {@code --repeat} times (energy, PE and time histograms per detector, period, window and component) and
 * prints rows/s of wall time and per CPU second of the process.
 *
 * <pre>
 * java -cp analysis/target/classes:$(cat cp.txt) org.cevns.benchmarks.HistogramBench \
 *     [--events 5e7] [--shards 2] [--threads 2] [--repeat 5] [--codec zstd] [--dir /tmp] [--keep]
 * </pre>
 */
public final class HistogramBench {
  private HistogramBench() {}

  public static void main(String[] args) throws IOException {
    long events = 50_000_000L;
    int shards = 2;
    int threads = 2;
    int repeat = 5;
    String codec = "zstd";
    String dir = System.getProperty("java.io.tmpdir");
    boolean keep = false;
    boolean decodeOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = (long) Double.parseDouble(args[++i]);
        case "--shards" -> shards = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--codec" -> codec = args[++i];
        case "--dir" -> dir = args[++i];
        case "--keep" -> keep = true;
        case "--decode-only" -> decodeOnly = true;
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: [--events N]"
            + " [--shards S] [--threads T] [--repeat R] [--codec C] [--dir D] [--keep]");
      }
    }
    java.nio.file.Path out = java.nio.file.Path.of(dir, "cevns-histbench-" + codec + "-" + events + "-" + shards);
    if (!Files.isDirectory(out)) {
      Files.createDirectories(out);
      long t0 = System.nanoTime();
      for (int s = 0; s < shards; s++) {
        long n = events / shards + (s < events % shards ? 1 : 0);
        write(out.resolve(String.format(Locale.ROOT, "part-%05d.parquet", s)).toString(), n, s, codec);
      }
      System.out.printf(Locale.ROOT, "wrote %d events in %d shard(s) to %s in %.1f s%n", events, shards, out,
          (System.nanoTime() - t0) / 1e9);
    }
    HistogramBinning binning = new HistogramBinning(Map.of("csi", BinEdges.uniform(20, 0, 30)),
        Map.of("csi", BinEdges.uniform(60, 0, 120)), BinEdges.uniform(60, -6000, 6000), Optional.empty());
    List<EventFile> files = EventFile.list(List.of(out.toString()), HadoopFiles.configuration());
    System.out.println("projection: " + files.get(0).projection() + " of " + files.get(0).columns().size()
        + " columns");
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < repeat; r++) {
      long cpu0 = os.getProcessCpuTime();
      if (decodeOnly) {
        long t0 = System.nanoTime();
        long rows = decode(files, threads);
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - t0) / 1e9;
        rates.add(rows / wall);
        System.out.printf(Locale.ROOT, "decode only, round %d: %d rows in %.3f s wall, %.3f s CPU: %.3g rows/s wall,"
            + " %.3g rows per CPU-s%n", r + 1, rows, wall, cpu, rows / wall, rows / cpu);
        continue;
      }
      EventFileHistogrammer.Result res = EventFileHistogrammer.histogram(files, binning, threads,
          HadoopFiles.configuration());
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      double rate = res.rowsRead() / res.seconds();
      rates.add(rate);
      System.out.printf(Locale.ROOT, "round %d: %d rows (%d detected) in %.3f s wall, %.3f s CPU: %.3g rows/s wall,"
          + " %.3g rows per CPU-s, checksum %016x%n", r + 1, res.rowsRead(), res.rowsDetected(), res.seconds(), cpu,
          rate, res.rowsRead() / cpu, checksum(res.spectra()));
    }
    rates.sort(null);
    System.out.printf(Locale.ROOT, "median %.3g rows/s wall (threads %d, shards %d, codec %s)%n",
        rates.get(rates.size() / 2), threads, shards, codec);
    if (!keep) {
      try (var s = Files.list(out)) {
        for (java.nio.file.Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(out);
    }
  }

  /**
   * A hash of every sum of every histogram (the raw bits of the doubles; under- and overflow, Σw², the 2-D cells,
   * Σw, Σw² and rows of each key), keys in sorted order: equal checksums mean bit-identical histograms.
   */
  static long checksum(SpectrumSet spectra) {
    List<SpectrumKey> keys = new ArrayList<>(spectra.keys());
    keys.sort(java.util.Comparator.comparing(SpectrumKey::toString));
    long h = 1125899906842597L;
    for (SpectrumKey k : keys) {
      KeySpectra s = spectra.get(k).orElseThrow();
      h = mix(h, k.toString().hashCode());
      h = mix(h, s.energy());
      h = mix(h, s.time());
      if (s.pe().isPresent()) {
        h = mix(h, s.pe().get());
      }
      if (s.energyTime().isPresent()) {
        Histogram2D x = s.energyTime().get();
        h = mix(h, Double.doubleToRawLongBits(x.outOfRange()));
        for (int i = 0; i < x.xEdges().nBins(); i++) {
          for (int j = 0; j < x.yEdges().nBins(); j++) {
            h = mix(h, Double.doubleToRawLongBits(x.content(i, j)));
            h = mix(h, Double.doubleToRawLongBits(x.sumW2(i, j)));
          }
        }
      }
      h = mix(h, Double.doubleToRawLongBits(s.sumW()));
      h = mix(h, Double.doubleToRawLongBits(s.sumW2()));
      h = mix(h, s.rows());
    }
    return h;
  }

  private static long mix(long h, Histogram1D x) {
    h = mix(h, Double.doubleToRawLongBits(x.underflow()));
    h = mix(h, Double.doubleToRawLongBits(x.overflow()));
    h = mix(h, Double.doubleToRawLongBits(x.underflowSumW2()));
    h = mix(h, Double.doubleToRawLongBits(x.overflowSumW2()));
    for (int i = 0; i < x.nBins(); i++) {
      h = mix(h, Double.doubleToRawLongBits(x.content(i)));
      h = mix(h, Double.doubleToRawLongBits(x.sumW2(i)));
    }
    return h;
  }

  private static long mix(long h, long v) {
    return (h ^ v) * 0x9E3779B97F4A7C15L + 31;
  }

  /** Reads the projected columns of every file (one thread per file) without histogramming. */
  private static long decode(List<EventFile> files, int threads) throws IOException {
    java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread th = new Thread(() -> {
        try {
          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            EventFile f = files.get(i);
            try (var r = org.cevns.events.io.ColumnarFileReader.open(f.path(), HadoopFiles.configuration(),
                org.cevns.events.io.ColumnarFileReader.ReadPath.PAGES)) {
              var b = r.select(f.projection(), EventFileHistogrammer.BATCH_ROWS);
              while (r.next(b)) {
                rows.addAndGet(b.size());
              }
            }
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      th.start();
      ts.add(th);
    }
    for (Thread th : ts) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rows.get();
  }

  /** Synthetic shard {@code s} of {@code n} rows. */
  private static void write(String file, long n, int s, String codec) throws IOException {
    String exposure = "[{\"detector\":\"csi\",\"mass_kg\":14.6,\"exposures\":[{\"source\":\"sns\",\"period\":\"beam\","
        + "\"exposure\":3.2e23,\"exposure_unit\":\"protons_on_target\",\"live_seconds\":3.6e7}]}]";
    Map<String, String> meta = Map.of(EventColumns.META_EXPOSURE, exposure, EventColumns.META_WEIGHTED, "false",
        EventColumns.META_DROP_UNDETECTED, "false", EventColumns.META_SEED, "1",
        EventColumns.META_WINDOWS, "{\"coincidence_start_ns\":0,\"coincidence_length_ns\":6000,"
            + "\"anticoincidence\":\"before\",\"anticoincidence_delay_ns\":6000}");
    SplittableRandom rng = new SplittableRandom(1234 + s);
    try (EventFileWriter w = EventFileWriter.open(file, List.of("csi"), List.of("beam"),
        List.of("signal", "brn", "nin", "steady"), meta, WriteOptions.defaults().withCompression(codec))) {
      int component = 0;
      long runLeft = 0;
      for (long i = 0; i < n; i++) {
        if (runLeft == 0) {
          component = rng.nextInt(4);
          runLeft = 1 + rng.nextInt(20_000);
        }
        runLeft--;
        double t = -6000 + 12000 * rng.nextDouble();
        int window = t >= 0 ? 0 : 1;
        if (rng.nextInt(10) == 0) {
          window = 2;
        }
        double e = -5.0 * Math.log(1 - rng.nextDouble());
        int npe = (int) Math.round(e * 13.35);
        w.add(0, 0, window, component, rng.nextDouble() < 0.45, e, npe, t, 1.0);
      }
    }
  }
}
