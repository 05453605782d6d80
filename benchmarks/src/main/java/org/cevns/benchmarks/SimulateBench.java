package org.cevns.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.schema.ConfigLoader;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.WriteOptions;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.events.run.ParallelRunner;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.events.block.SimBlock;
import org.cevns.events.io.SimParquetSink;

/**
 * Benchmark of {@code cevns simulate} to Parquet against a bare Parquet write of the same columns, measured in
 * the same JVM run: the bare write cycles pre-simulated blocks (values from the simulation itself, generated
 * before timing; only event ids are rewritten) through the same {@link SimParquetSink}; the simulation runs the
 * full pipeline (signal + backgrounds + response, worker threads, writer on the main thread). Bare and
 * simulated runs alternate {@code --repeat} times; the best of each is compared. Prints events/s, the ratio,
 * the load average before and after, the JVM's peak heap and the process's peak resident memory (VmHWM).
 *
 * <p>On a shared, loaded machine wall-clock rates are noisy, so the CPU time per event is measured too (thread
 * CPU clocks): P = writer (main thread) CPU per event, W = worker CPU per event. On C free cores the simulation
 * runs at 1/max(P_sim, (W + P_sim)/C) against the bare write's 1/P_bare; that projected ratio is printed
 * beside the measured one.
 *
 * <pre>
 * java -cp cli/target/cevns.jar org.cevns.benchmarks.SimulateBench [--config configs/coherent-csi.yaml]
 *     [--events 1e7] [--threads 2] [--dir /tmp] [--repeat 2] [--codec zstd]
 * </pre>
 */
public final class SimulateBench {
  private static final int DISTINCT_BLOCKS = 8;

  private SimulateBench() {}

  public static void main(String[] args) throws Exception {
    String config = "configs/coherent-csi.yaml";
    long events = 10_000_000L;
    int threads = 2;
    String dir = System.getProperty("java.io.tmpdir");
    int repeat = 2;
    String codec = "zstd";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> config = args[++i];
        case "--events" -> events = (long) Double.parseDouble(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--dir" -> dir = args[++i];
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--codec" -> codec = args[++i];
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: [--config F]"
            + " [--events N] [--threads T] [--dir D] [--repeat R] [--codec C]");
      }
    }
    System.out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
    ExperimentModel model = ExperimentModel.build(ConfigLoader.load(Path.of(config)));
    DetsimConfig detsim = DetsimConfig.of(model).requireResponses("the benchmark");
    BackgroundChannels backgrounds = BackgroundChannels.of(model, detsim);
    DetectorSimulation sim = DetectorSimulation.of(model, detsim, backgrounds, model.config().generator(), 1L,
        events, threads, false);
    WriteOptions options = WriteOptions.defaults().withCompression(codec).withOverwrite(true);
    // pre-simulated blocks for the bare write
    List<SimBlock> blocks = new ArrayList<>();
    ParallelRunner.run(0, Math.min(DISTINCT_BLOCKS, sim.blockCount()), threads, SimBlock::new, sim, (k, b) -> {
      SimBlock copy = new SimBlock();
      copyInto(b, copy);
      blocks.add(copy);
    }, null);
    Path bareFile = Path.of(dir, "cevns-bench-bare.parquet");
    Path simFile = Path.of(dir, "cevns-bench-sim.parquet");
    double bestBare = 0;
    double bestSim = 0;
    java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double minBareCpu = Double.POSITIVE_INFINITY;
    double minWriterCpu = Double.POSITIVE_INFINITY;
    double minWorkerCpu = Double.POSITIVE_INFINITY;
    long totalEvents = events;
    for (int r = 0; r < repeat; r++) {
      long t0 = System.nanoTime();
      long c0 = cpu.getCurrentThreadCpuTime();
      SimParquetSink bare = SimParquetSink.open(bareFile.toString(), model.dictionary(),
          backgrounds.componentNames(), new HashMap<>(), options);
      long written = 0;
      for (long k = 0; written < totalEvents; k++) {
        SimBlock b = blocks.get((int) (k % blocks.size()));
        int n = (int) Math.min(b.size(), totalEvents - written);
        for (int i = 0; i < n; i++) {
          b.truth.eventId[i] = written + i;
        }
        int size = b.truth.size();
        b.truth.setSize(n);
        bare.accept(k, b);
        b.truth.setSize(size);
        written += n;
      }
      bare.close();
      double bareRate = totalEvents / ((System.nanoTime() - t0) / 1e9);
      double bareCpuNs = (double) (cpu.getCurrentThreadCpuTime() - c0) / totalEvents;
      java.util.concurrent.atomic.AtomicLong workerCpu = new java.util.concurrent.atomic.AtomicLong();
      t0 = System.nanoTime();
      c0 = cpu.getCurrentThreadCpuTime();
      SimParquetSink out = SimParquetSink.open(simFile.toString(), model.dictionary(), backgrounds.componentNames(),
          new HashMap<>(), options);
      ParallelRunner.run(0, sim.blockCount(), threads, SimBlock::new, (k, b) -> {
        long w0 = cpu.getCurrentThreadCpuTime();
        sim.fill(k, b);
        workerCpu.addAndGet(cpu.getCurrentThreadCpuTime() - w0);
      }, out::accept, null);
      out.close();
      double simRate = totalEvents / ((System.nanoTime() - t0) / 1e9);
      double writerCpuNs = (double) (cpu.getCurrentThreadCpuTime() - c0) / totalEvents;
      double workerCpuNs = (double) workerCpu.get() / totalEvents;
      int cores = Runtime.getRuntime().availableProcessors();
      double projected = bareCpuNs / Math.max(writerCpuNs, (workerCpuNs + writerCpuNs) / cores);
      minBareCpu = Math.min(minBareCpu, bareCpuNs);
      minWriterCpu = Math.min(minWriterCpu, writerCpuNs);
      minWorkerCpu = Math.min(minWorkerCpu, workerCpuNs);
      System.out.printf(Locale.ROOT, "run %d: CPU per event: bare writer %.0f ns; simulate writer %.0f ns + workers"
          + " %.0f ns; projected ratio on %d free cores %.2f%n", r + 1, bareCpuNs, writerCpuNs, workerCpuNs, cores,
          projected);
      bestBare = Math.max(bestBare, bareRate);
      bestSim = Math.max(bestSim, simRate);
      System.out.printf(Locale.ROOT, "run %d: bare write %.3g ev/s (%d MB), simulate %.3g ev/s (%d MB), ratio %.2f,"
              + " load %s%n", r + 1, bareRate, Files.size(bareFile) >> 20, simRate, Files.size(simFile) >> 20,
          simRate / bareRate, loadAverage());
    }
    int cores = Runtime.getRuntime().availableProcessors();
    double projected = minBareCpu / Math.max(minWriterCpu, (minWorkerCpu + minWriterCpu) / cores);
    System.out.printf(Locale.ROOT, "best: bare %.3g ev/s, simulate %.3g ev/s, ratio %.2f (%d events, %d threads, %s,"
        + " %d cores)%n", bestBare, bestSim, bestSim / bestBare, totalEvents, threads, codec, cores);
    System.out.printf(Locale.ROOT, "least CPU per event: bare writer %.0f ns, simulate writer %.0f ns + workers %.0f"
        + " ns: projected ratio on %d free cores %.2f%n", minBareCpu, minWriterCpu, minWorkerCpu, cores, projected);
    long peakHeap = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        peakHeap += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks) %d MB, peak RSS %s, max heap %d MB%n",
        peakHeap >> 20, peakRss(), Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    Files.deleteIfExists(bareFile);
    Files.deleteIfExists(simFile);
  }

  private static void copyInto(SimBlock from, SimBlock to) {
    EventBlock a = from.truth;
    EventBlock b = to.truth;
    int n = a.size();
    System.arraycopy(a.eventId, 0, b.eventId, 0, n);
    System.arraycopy(a.detector, 0, b.detector, 0, n);
    System.arraycopy(a.process, 0, b.process, 0, n);
    System.arraycopy(a.flavor, 0, b.flavor, 0, n);
    System.arraycopy(a.parent, 0, b.parent, 0, n);
    System.arraycopy(a.enuMeV, 0, b.enuMeV, 0, n);
    System.arraycopy(a.targetZ, 0, b.targetZ, 0, n);
    System.arraycopy(a.targetA, 0, b.targetA, 0, n);
    System.arraycopy(a.recoilKeV, 0, b.recoilKeV, 0, n);
    System.arraycopy(a.timeNs, 0, b.timeNs, 0, n);
    System.arraycopy(a.period, 0, b.period, 0, n);
    System.arraycopy(a.weight, 0, b.weight, 0, n);
    System.arraycopy(from.component, 0, to.component, 0, n);
    System.arraycopy(from.quenchedKeVee, 0, to.quenchedKeVee, 0, n);
    System.arraycopy(from.observedKeVee, 0, to.observedKeVee, 0, n);
    System.arraycopy(from.npe, 0, to.npe, 0, n);
    System.arraycopy(from.detected, 0, to.detected, 0, n);
    System.arraycopy(from.window, 0, to.window, 0, n);
    b.setSize(n);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return line.substring(6).trim();
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return "n/a";
  }
}
