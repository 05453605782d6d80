package org.cevns.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.schema.GeneratorSettings;
import org.cevns.generator.model.Channel;
import org.cevns.events.run.RandomStreams;
import org.cevns.generator.sample.RecoilSampler;
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

/** {@link RecoilSampler#sample} batches of 65536 (E, T) pairs: ns per pair, one thread. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecoilSamplerBenchmark {
  static final int BATCH = 1 << 16;

  /** Channel label: a Michel spectrum, the prompt line, and EvES with atomic-shell steps. */
  @Param({"cevns/Cs133/mu_delayed/nue", "cevns/Cs133/pi_prompt/numu", "eves/Cs133/mu_delayed/nue"})
  public String channel;

  private RecoilSampler sampler;
  private UniformRandomProvider rng;
  private final double[] energyMeV = new double[BATCH];
  private final double[] recoilMeV = new double[BATCH];
  private final double[] weight = new double[BATCH];

  @Setup
  public void setup() {
    var model = Fixtures.model();
    Channel c = Fixtures.channel(model, channel);
    GeneratorSettings g = model.config().generator();
    sampler = RecoilSampler.of(c.component().spectrum(), c.xs(), g.energyNodes(), g.recoilNodes());
    rng = RandomStreams.create(1, 0);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double sampleBatch() {
    sampler.sample(rng, BATCH, energyMeV, recoilMeV, 0);
    return recoilMeV[BATCH - 1];
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double sampleWeightedBatch() {
    sampler.sampleWeighted(rng, BATCH, energyMeV, recoilMeV, weight, 0);
    return weight[BATCH - 1];
  }
}
