package org.cevns.benchmarks;

import java.util.concurrent.TimeUnit;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.TruthGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link TruthGenerator#fill} of one block of 65536 events (channel split, (E, T), times, columns), one thread:
 * ns per event; 1e9 / this is the one-core event rate of generation without output.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TruthGeneratorBenchmark {
  private TruthGenerator generator;
  private final EventBlock block = new EventBlock();
  private long next;

  @Setup
  public void setup() {
    ExperimentModel model = Fixtures.model();
    generator = TruthGenerator.of(model, model.config().generator(), 1L, Long.MAX_VALUE / 2, 1);
  }

  @Benchmark
  @OperationsPerInvocation(EventBlock.CAPACITY)
  public int fillBlock() {
    generator.fill(next++, block);
    return block.size();
  }
}
