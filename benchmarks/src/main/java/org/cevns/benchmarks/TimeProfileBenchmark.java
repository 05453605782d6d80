package org.cevns.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.cevns.generator.model.Channel;
import org.cevns.events.run.RandomStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code PulseTimeProfile} samplers of the SNS (truncated Gaussian pulse, plus π and μ decays): ns per time,
 * 65536 times per call as in a block (the sampler is bound once per channel and block, as in the generator).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimeProfileBenchmark {
  static final int BATCH = 1 << 16;

  /** Prompt (pulse + π decay) and delayed (pulse + π + μ decays). */
  @Param({"cevns/Cs133/pi_prompt/numu", "cevns/Cs133/mu_delayed/nue"})
  public String channel;

  private ContinuousSampler sampler;
  private final double[] timeNs = new double[BATCH];

  @Setup
  public void setup() {
    Channel c = Fixtures.channel(Fixtures.model(), channel);
    UniformRandomProvider rng = RandomStreams.create(3, 0);
    sampler = c.component().timeProfile().sampler(rng);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double sampleBatch() {
    ContinuousSampler s = sampler;
    for (int i = 0; i < BATCH; i++) {
      timeNs[i] = s.sample();
    }
    return timeNs[BATCH - 1];
  }
}
