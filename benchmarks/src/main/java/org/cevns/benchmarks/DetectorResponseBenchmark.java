package org.cevns.benchmarks;

import java.util.concurrent.TimeUnit;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.detsim.sim.BlockResponse;
import org.cevns.detsim.sim.DetectorSimulation;
import org.cevns.events.block.SimBlock;
import org.cevns.detsim.sim.SimStreams;
import org.cevns.events.block.EventBlock;
import org.cevns.generator.model.ExperimentModel;
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
 * The detector response of one block ({@link BlockResponse#apply}: quenching, resolution, photoelectrons,
 * efficiencies, windows) on simulated CsI events, one thread: ns per event; and the whole simulation of a
 * block ({@link DetectorSimulation#fill}: signal, backgrounds and response).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DetectorResponseBenchmark {
  private BlockResponse response;
  private DetectorSimulation simulation;
  private final SimBlock input = new SimBlock();
  private final SimBlock work = new SimBlock();
  private long next;

  @Setup
  public void setup() {
    ExperimentModel model = Fixtures.model();
    DetsimConfig detsim = DetsimConfig.of(model).requireResponses("the benchmark");
    BackgroundChannels backgrounds = BackgroundChannels.of(model, detsim);
    response = BlockResponse.of(model, detsim);
    simulation = DetectorSimulation.of(model, detsim, backgrounds, model.config().generator(), 1L,
        Long.MAX_VALUE / 2, 1, false);
    simulation.fill(0, input);
  }

  @Benchmark
  @OperationsPerInvocation(EventBlock.CAPACITY)
  public int responseOfBlock() {
    // the response reads truth columns and writes its own: restore the truth part and size each time
    EventBlock from = input.truth;
    EventBlock to = work.truth;
    System.arraycopy(from.recoilKeV, 0, to.recoilKeV, 0, from.size());
    System.arraycopy(from.detector, 0, to.detector, 0, from.size());
    System.arraycopy(from.process, 0, to.process, 0, from.size());
    System.arraycopy(from.period, 0, to.period, 0, from.size());
    System.arraycopy(from.timeNs, 0, to.timeNs, 0, from.size());
    System.arraycopy(from.targetZ, 0, to.targetZ, 0, from.size());
    System.arraycopy(input.component, 0, work.component, 0, from.size());
    System.arraycopy(input.quenchedKeVee, 0, work.quenchedKeVee, 0, from.size());
    to.setSize(from.size());
    response.apply(work, SimStreams.response(1L, next++));
    return work.size();
  }

  @Benchmark
  @OperationsPerInvocation(EventBlock.CAPACITY)
  public int simulateBlock() {
    simulation.fill(next++, work);
    return work.size();
  }
}
