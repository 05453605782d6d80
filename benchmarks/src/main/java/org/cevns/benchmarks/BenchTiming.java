package org.cevns.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Wall-clock and CPU-time rates for the benchmark mains ({@link GenerateBench}, detsim's SimulateBench). */
public final class BenchTiming {
  private BenchTiming() {}

  /** Events per wall-clock second and per CPU-second of the whole process, of one repetition. */
  public record Rate(double eventsPerSecond, double eventsPerCpuSecond) {
    /** No measurement yet. */
    public static final Rate NONE = new Rate(0, 0);

    /** The repetition with the higher wall-clock rate (the least disturbed by other load). */
    public Rate best(Rate o) {
      return o.eventsPerSecond > eventsPerSecond ? o : this;
    }

    /** {@code 1.234e+07 events/s  (2.345e+07 events/CPU-s)}. */
    public String format() {
      return String.format(Locale.ROOT, "%.3e events/s  (%.3e events/CPU-s)", eventsPerSecond, eventsPerCpuSecond);
    }
  }

  /** A task to time. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  /** Runs {@code task} and returns its rates for {@code events} events. */
  public static Rate timed(Task task, long events) throws Exception {
    long cpu0 = processCpuNanos();
    long s = System.nanoTime();
    task.run();
    double wall = (System.nanoTime() - s) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    return new Rate(events / wall, cpu > 0 ? events / cpu : Double.NaN);
  }

  /** CPU time of the whole process (all threads, including GC and JIT) in ns, or 0 if unavailable. */
  public static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }
}
