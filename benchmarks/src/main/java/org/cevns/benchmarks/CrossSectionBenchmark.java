package org.cevns.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.cevns.generator.model.Channel;
import org.cevns.events.run.RandomStreams;
import org.cevns.physics.xs.RecoilCrossSection;
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
 * dσ/dT of the CEvNS (Helm form factor, per call) and EvES (with atomic-shell binding steps) cross sections of
 * CsI at the SNS, at 1024 random kinematically allowed (E, T) points: ns per evaluation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CrossSectionBenchmark {
  static final int POINTS = 1024;

  /** CevnsCrossSection or EvesCrossSection of Cs-133 for delayed ν_e. */
  @Param({"cevns/Cs133/mu_delayed/nue", "eves/Cs133/mu_delayed/nue"})
  public String channel;

  private RecoilCrossSection xs;
  private final double[] energyMeV = new double[POINTS];
  private final double[] recoilMeV = new double[POINTS];

  @Setup
  public void setup() {
    Channel c = Fixtures.channel(Fixtures.model(), channel);
    xs = c.xs();
    UniformRandomProvider rng = RandomStreams.create(2, 0);
    for (int i = 0; i < POINTS; i++) {
      energyMeV[i] = 5 + 47.8 * rng.nextDouble();
      recoilMeV[i] = rng.nextDouble() * xs.maxRecoilMeV(energyMeV[i]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(POINTS)
  public double xsCm2PerMeV() {
    double sum = 0;
    for (int i = 0; i < POINTS; i++) {
      sum += xs.xsCm2PerMeV(energyMeV[i], recoilMeV[i]);
    }
    return sum;
  }
}
