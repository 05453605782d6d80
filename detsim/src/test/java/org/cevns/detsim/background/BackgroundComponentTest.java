package org.cevns.detsim.background;

import org.cevns.physics.constants.Units;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.cevns.detsim.window.AntiWindowPlacement;
import org.cevns.detsim.window.BeamWindows;
import org.cevns.events.block.WindowKind;
import org.cevns.physics.source.TimeProfile;
import org.junit.jupiter.api.Test;

/**
 * Expected counts are checked as exact arithmetic; Poisson recoveries use 5σ bands (false-failure rate
 * 6e-7 per check for a random seed); χ²/KS shape tests reject at p &lt; 1e-3 (0.1 %). Seeds are fixed.
 */
class BackgroundComponentTest {
  private static final double DAY_S = Units.S_PER_DAY;
  private static final double SNS_PERIOD_NS = Units.NS_PER_S / 60;

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  private static void assertPoisson(double mean, long observed) {
    assertEquals(mean, observed, 5 * Math.sqrt(mean), "Poisson count outside 5 sigma");
  }

  @Test
  void steadyStateExpectedCounts() {
    BackgroundExposure c2 = BackgroundExposure.steady(0.95, 117.1 * DAY_S, BeamState.ON);
    SteadyStateBackground total = SteadyStateBackground.of("flat", FlatSpectrum.of(0.16, 1.0),
        EnergyScale.ELECTRON_EQUIVALENT, 10.0);
    assertEquals(10.0 * 0.95 * 117.1, total.expectedCounts(c2), 1e-9);
    // ESS projection style: 3 counts/keVnr/kg/day over [0.6, 78.9] keVnr, 7 kg, 3 years.
    SteadyStateBackground ess = SteadyStateBackground.perKeV("ss", FlatSpectrum.of(0.6, 78.9),
        EnergyScale.NUCLEAR_RECOIL, 3.0);
    BackgroundExposure threeYears = BackgroundExposure.pulsed(7.0, 3 * 365.25 * DAY_S, 8.4e23);
    assertEquals(3.0 * (78.9 - 0.6) * 7.0 * 3 * 365.25, ess.expectedCounts(threeYears), 1e-6);
    assertEquals(EnergyScale.NUCLEAR_RECOIL, ess.energyScale());
    // Same in OFF.
    assertEquals(total.expectedCounts(c2),
        total.expectedCounts(BackgroundExposure.steady(0.95, 117.1 * DAY_S, BeamState.OFF)), 0);
    assertThrows(IllegalArgumentException.class, () -> SteadyStateBackground.perKeV("x",
        ExponentialSpectrum.of(0, Double.POSITIVE_INFINITY, 1), EnergyScale.ELECTRON_EQUIVALENT, 1));
  }

  @Test
  void reactorCorrelatedOnOffAndConusTable() {
    List<ConusPlusBackgrounds.ComponentRates> rows = ConusPlusBackgrounds.table();
    assertEquals(6, rows.size());
    double on = rows.stream().mapToDouble(ConusPlusBackgrounds.ComponentRates::onPerKgPerDay).sum();
    double off = rows.stream().mapToDouble(ConusPlusBackgrounds.ComponentRates::offPerKgPerDay).sum();
    assertEquals(42.9, on, 1e-12);
    assertEquals(35.8, off, 1e-12);
    assertEquals(0.7, rows.get(5).onPerKgPerDay(), 1e-12);
    assertEquals(0.4, rows.get(5).offPerKgPerDay(), 1e-12);
    List<ReactorCorrelatedBackground> comps = ConusPlusBackgrounds.components(FlatSpectrum.of(0.16, 1.0));
    ReactorCorrelatedBackground neutrons = comps.get(1);
    assertEquals("neutrons", neutrons.name());
    BackgroundExposure onExp = BackgroundExposure.steady(0.94, 109.9 * DAY_S, BeamState.ON);
    BackgroundExposure offExp = BackgroundExposure.steady(0.94, 60.0 / 0.94 * DAY_S, BeamState.OFF);
    assertEquals(21.6 * 0.94 * 109.9, neutrons.expectedCounts(onExp), 1e-9);
    assertEquals(17.7 * 60.0, neutrons.expectedCounts(offExp), 1e-9);
  }

  @Test
  void beamNeutronCountsPerPotAndPerBeamEnergy() {
    TimeProfile pulse = new GaussianPulseProfile(300, 150);
    BackgroundSpectrum recoil = ExponentialSpectrum.of(0, 100, 20);
    // CENNS-10: 553 prompt BRN for 13.8e22 POT (Akimov et al., PRL 126 (2021) 012002; data release arXiv:2006.12659).
    BeamNeutronBackground brn = BeamNeutronBackground.perPot("brn", recoil, 553.0 / 13.8e22, pulse);
    assertEquals(553.0, brn.expectedCounts(BackgroundExposure.pulsed(24.4, 1e7, 13.8e22)), 1e-9);
    assertEquals(0.0, brn.expectedCounts(new BackgroundExposure(24.4, 1e7, 13.8e22, BeamState.OFF, 0)));
    assertEquals(EnergyScale.NUCLEAR_RECOIL, brn.energyScale());
    // Akimov et al., PRL 129 (2022) 081801: 13.99 GWh at 0.984 GeV = 3.195e23 POT (Python: 3.194587e23).
    assertEquals(3.194587022623393e23, 13.99 * BeamNeutronBackground.protonsOnTargetPerGWh(0.984), 1e9);
    BeamNeutronBackground perGWh = BeamNeutronBackground.perBeamEnergy("brn", recoil, 2.0, 0.984, pulse);
    assertEquals(2.0 * 13.99, perGWh.expectedCounts(BackgroundExposure.pulsed(14.6, 1e7, 3.194587022623393e23)),
        1e-9);
    assertThrows(IllegalArgumentException.class, () -> brn.timeProfile(TimeFrame.run(100)));
  }

  @Test
  void xRayLineDecay() {
    // R0 = 3 /kg/d, m = 0.94 kg, T½ = 271 d, period starting 30 d after the reference, 117.1 live days.
    XRayLineBackground ga = XRayLineBackground.of("Ga-K", GermaniumXRayLine.GA_K.energyKeVee(), 3.0, 271.0);
    BackgroundExposure e = BackgroundExposure.steady(0.94, 117.1 * DAY_S, BeamState.ON).withStartDays(30);
    double tau = 271.0 / Math.log(2);
    assertEquals(3.0 * 0.94 * tau * (Math.exp(-30 / tau) - Math.exp(-147.1 / tau)), ga.expectedCounts(e), 1e-10);
    // SciPy quad of R0 m ∫ exp(−t/τ) dt over [30, 147.1] d.
    assertEquals(264.2808585202066, ga.expectedCounts(e), 1e-9);
    XRayLineBackground stable = XRayLineBackground.of("stable", 5.0, 3.0, Double.POSITIVE_INFINITY);
    assertEquals(3.0 * 0.94 * 117.1, stable.expectedCounts(e), 1e-10);
    assertEquals(EnergyScale.ELECTRON_EQUIVALENT, ga.energyScale());
    assertTrue(ga.spectrum().isLine());
  }

  @Test
  void tritiumCounts() {
    TritiumBackground h3 = TritiumBackground.of("H3", 1.3);
    assertEquals(1.3 * 0.95 * 117.1, h3.expectedCounts(BackgroundExposure.steady(0.95, 117.1 * DAY_S,
        BeamState.ON)), 1e-10);
    assertEquals(18.6, h3.spectrum().maxKeV());
  }

  @Test
  void ratesRecoveredWithinPoissonError() {
    UniformRandomProvider rng = rng(401);
    BackgroundExposure e = BackgroundExposure.steady(0.94, 10 * DAY_S, BeamState.ON);
    TimeFrame frame = TimeFrame.run(10 * DAY_S);
    List<BackgroundComponent> comps = List.of(
        SteadyStateBackground.of("ss", FlatSpectrum.of(0.2, 1), EnergyScale.ELECTRON_EQUIVALENT, 5.0),
        ReactorCorrelatedBackground.of("rc", FlatSpectrum.of(0.2, 1), EnergyScale.ELECTRON_EQUIVALENT, 2.0, 1.0),
        XRayLineBackground.of("line", 1.30, 4.0, 11.43),
        TritiumBackground.of("H3", 1.3));
    for (BackgroundComponent c : comps) {
      double mean = c.expectedCounts(e);
      long total = 0;
      int reps = 200;
      for (int r = 0; r < reps; r++) {
        BackgroundEvents ev = c.sample(e, frame, rng);
        total += ev.size();
        assertEquals(c.energyScale(), ev.energyScale());
      }
      assertPoisson(reps * mean, total);
    }
  }

  @Test
  void steadyBackgroundFillsBothBeamWindowsEqually() {
    BeamWindows w = BeamWindows.of(0, 6000, AntiWindowPlacement.DELAYED, 1.67e6, SNS_PERIOD_NS);
    TimeFrame cycle = TimeFrame.pulseCycle(w);
    SteadyStateBackground ss = SteadyStateBackground.of("ss", FlatSpectrum.of(1, 10),
        EnergyScale.ELECTRON_EQUIVALENT, 1000.0);
    BackgroundExposure e = BackgroundExposure.pulsed(10.0, 100 * DAY_S, 1e22);
    BackgroundEvents ev = ss.sample(e, cycle, rng(402));
    double mean = ss.expectedCounts(e);
    assertEquals(1000.0 * 10 * 100, mean, 1e-6);
    assertPoisson(mean, ev.size());
    long coinc = 0;
    long anti = 0;
    for (double t : ev.timesNs()) {
      assertTrue(t >= cycle.startNs() && t < cycle.endNs());
      WindowKind k = w.classify(t);
      if (k == WindowKind.COINCIDENCE) {
        coinc++;
      } else if (k == WindowKind.ANTICOINCIDENCE) {
        anti++;
      }
    }
    double perWindow = ev.size() * w.windowFraction();
    assertPoisson(perWindow, coinc);
    assertPoisson(perWindow, anti);
    assertTrue(Math.abs(coinc - anti) < 5 * Math.sqrt(coinc + anti));
    assertTrue(Stats.binnedChiSquarePValue(ev.timesNs(), UniformSpanTimeProfile.over(cycle)::cdf,
        cycle.startNs(), cycle.endNs(), 50) > 1e-3);
  }

  @Test
  void beamRelatedTimeProfilesByChiSquare() {
    TimeProfile pulse = new GaussianPulseProfile(300, 150);
    TimeProfile delayed = DecayingTimeProfile.of(0, 20_000, 2196.981); // stand-in for the delayed ν_e
    BeamWindows w = BeamWindows.immediatelyBefore(0, 20_000, SNS_PERIOD_NS);
    TimeFrame cycle = TimeFrame.pulseCycle(w);
    BackgroundExposure e = BackgroundExposure.pulsed(14.6, 1e7, 1e23);
    BeamNeutronBackground brn = BeamNeutronBackground.perPot("brn", ExponentialSpectrum.of(0, 100, 20), 5e-19,
        pulse);
    NeutrinoInducedNeutronBackground nin = NeutrinoInducedNeutronBackground.perPot("nin",
        ExponentialSpectrum.of(0, 100, 20), 2e-19, delayed);
    BackgroundEvents b = brn.sample(e, cycle, rng(403));
    assertPoisson(5e4, b.size());
    assertTrue(Stats.binnedChiSquarePValue(b.timesNs(), pulse::cdf, -300, 900, 40) > 1e-3);
    BackgroundEvents n = nin.sample(e, cycle, rng(404));
    assertPoisson(2e4, n.size());
    assertTrue(Stats.binnedChiSquarePValue(n.timesNs(), delayed::cdf, 0, 20_000, 40) > 1e-3);
    // Power: the NIN times do not follow the prompt profile.
    assertTrue(Stats.binnedChiSquarePValue(n.timesNs(), pulse::cdf, -300, 900, 40) < 1e-3);
    assertTrue(Stats.ksPValue(b.energiesKeV(), brn.spectrum()::cdf) > 1e-3);
  }

  @Test
  void decayingLineTimesInRunFrame() {
    // T½ = 11.43 d over a 60-day run: strongly decaying time distribution.
    XRayLineBackground ge71 = XRayLineBackground.of("Ga-K-71Ge", 10.37, 50.0, 11.43);
    TimeFrame run = TimeFrame.run(60 * DAY_S);
    BackgroundExposure e = BackgroundExposure.steady(1.0, 60 * DAY_S, BeamState.ON);
    BackgroundEvents ev = ge71.sample(e, run, rng(405));
    assertPoisson(ge71.expectedCounts(e), ev.size());
    double tauNs = 11.43 / Math.log(2) * DAY_S * Units.NS_PER_S;
    double lengthNs = 60 * DAY_S * Units.NS_PER_S;
    // Independent CDF of the truncated exponential.
    java.util.function.DoubleUnaryOperator cdf =
        t -> (1 - Math.exp(-t / tauNs)) / (1 - Math.exp(-lengthNs / tauNs));
    assertTrue(Stats.binnedChiSquarePValue(ev.timesNs(), cdf, 0, lengthNs, 30) > 1e-3);
    for (double en : ev.energiesKeV()) {
      assertEquals(10.37, en);
    }
    // Power: not uniform.
    assertTrue(Stats.binnedChiSquarePValue(ev.timesNs(), t -> t / lengthNs, 0, lengthNs, 30) < 1e-3);
    // In a pulsed frame the line is uniform over the cycle.
    assertTrue(ge71.timeProfile(TimeFrame.pulseCycle(BeamWindows.immediatelyBefore(0, 6000, SNS_PERIOD_NS)))
        instanceof UniformSpanTimeProfile);
  }

  @Test
  void decayingProfileIntegratesToOne() {
    DecayingTimeProfile p = DecayingTimeProfile.of(5, 100, 30);
    double half = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14)
        .integrate(100_000, t -> Math.exp(-(t - 5) / 30), 5, 55)
        / new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14)
        .integrate(100_000, t -> Math.exp(-(t - 5) / 30), 5, 105);
    assertEquals(half, p.cdf(55), 1e-12);
    assertEquals(0.0, p.cdf(4));
    assertEquals(1.0, p.cdf(200));
  }

  @Test
  void validation() {
    assertThrows(IllegalArgumentException.class, () -> BackgroundExposure.steady(0, 1, BeamState.ON));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SteadyStateBackground.of(" ", FlatSpectrum.of(0, 1), EnergyScale.ELECTRON_EQUIVALENT, 1));
    assertEquals("name must be a non-blank string, got \" \"", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> XRayLineBackground.of("x", 1, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> TimeFrame.run(0));
  }
}
