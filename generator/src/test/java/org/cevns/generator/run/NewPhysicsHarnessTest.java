package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.physics.constants.Units;
import org.cevns.generator.model.Channel;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.physics.nucleus.ShellBinding;
import org.cevns.physics.source.EnergySpectrum;
import org.cevns.physics.xs.GaussLegendre;
import org.cevns.physics.xs.RecoilCrossSection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statistical harness of {@link GeneratorHarnessTest} under each new-physics model: events made by the
 * real pipeline (config → model → tables → blocks) with the model on, compared with the analytic distributions
 * of the model's dσ/dT computed here by independent quadrature: E_ν per channel by Kolmogorov–Smirnov, the
 * recoil T per channel by χ² in 16 bins (logarithmic from the recoil floor or the smallest recoil when the
 * cross section has a 1/T term, quadratic from 0 otherwise), and T inside the kinematic range. The model
 * parameters are large, so that the new term dominates a visible part of the spectrum.
 *
 * <p>Fixed seed; each check rejects at p &lt; 1e-3, so a correct generator fails a given check with probability
 * 1e-3 per seed; with the fixed seed the outcome is deterministic. A case has two checks (E, T) per channel with
 * ≥ 2000 events (≤ 6 channels: SNS flavours × isotopes), so a correct generator fails a case with probability
 * ≤ 1.2 % per seed, the 19 cases together ≤ 23 % (the bound of independent checks; seen: none fail at this seed).
 */
@Tag("slow")
class NewPhysicsHarnessTest {
  private static final long SEED = 20261203L;
  private static final int EVENTS = 60_000;
  private static final int MIN_EVENTS_PER_CHANNEL = 2000;
  private static final double P_MIN = 1e-3;

  private static final String SNS = """
      - name: sns
        type: pion-dar
        facility: sns
        exposure: {pot: 1.0e23}
      """;
  private static final String REACTOR = """
      - name: core
        type: reactor
        thermal_power_mw: 3600
        exposure: {live_days_on: 100, live_days_off: 10}
      """;
  private static final String LINE = """
      - name: line
        type: monoenergetic
        energy_mev: 30
        flavor: numu
        rate_per_s: 1.0e15
        exposure: {live_days: 10}
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("nsi cevns", SNS, "CsI", "processes: [cevns], nsi: {u: {ee: 0.3, emu: 0.1}, d: {mumu: -0.2}}"),
        Arguments.of("nsi eves", SNS, "Ar", "processes: [eves], nsi: {e: {ee: 0.4, mumu: -0.3, etau: 0.2}}"),
        Arguments.of("magnetic moment cevns", SNS, "CsI",
            "processes: [cevns], magnetic_moment_mub: {nue: 3.0e-9, numu: 3.0e-9}"),
        Arguments.of("magnetic moment eves", REACTOR, "Ge", "processes: [eves], magnetic_moment_mub: {nue: 2.0e-10}"),
        Arguments.of("millicharge cevns", SNS, "CsI", "processes: [cevns], millicharge_e: {nue: 1.0e-11, numu: -1.0e-11}"),
        Arguments.of("millicharge eves", REACTOR, "Ge", "processes: [eves], millicharge_e: {nue: 3.0e-13}"),
        Arguments.of("charge radius cevns", SNS, "Ar", "processes: [cevns], charge_radius_cm2: {numu: 5.0e-32}"),
        Arguments.of("vector mediator cevns", SNS, "CsI",
            "processes: [cevns], mediators: [{type: vector, mass_mev: 20, g: 1.0e-4}]"),
        Arguments.of("scalar mediator cevns", LINE, "Ar",
            "processes: [cevns], mediators: [{type: scalar, mass_mev: 5, g_nu: 3.0e-5, g_u: 3.0e-5, g_d: 3.0e-5}]"),
        Arguments.of("vector mediator eves", REACTOR, "Ge",
            "processes: [eves], mediators: [{type: vector, mass_mev: 0.1, g_nu: 3.0e-6, g_e: 3.0e-6}]"),
        Arguments.of("ngi scalar and tensor cevns", SNS, "CsI",
            "processes: [cevns], ngi: {scalar: {p: 0.2, n: 0.2, mass_mev: 10}, tensor: {p: 0.05, n: 0.05}}"),
        Arguments.of("ngi axial and light tensor cevns", REACTOR, "Ge",
            "processes: [cevns], ngi: {axial: {p: 3, n: -3}, tensor: {n: 0.02, mass_mev: 1}}"),
        Arguments.of("ngi scalar, axial and tensor eves", SNS, "Ar",
            "processes: [eves], ngi: {scalar: {e: 0.5}, axial: {e: 0.3}, tensor: {e: 0.2}}"),
        Arguments.of("ngi light tensor eves", REACTOR, "Ge",
            "processes: [eves], ngi: {tensor: {e: 0.5, mass_mev: 0.3}}"),
        // per-flavour coupling (ν_μ and ν̄_μ only): the delayed ν_e channels stay Standard Model, the prompt ν_μ line
        // and the delayed ν̄_μ carry the tensor term (× 1.46 at 0.1, quadratic in ε)
        Arguments.of("ngi per-flavour tensor cevns", SNS, "CsI", "processes: [cevns], ngi: {tensor: {numu: {n: 0.1}}}"),
        // pseudoscalar on electrons, ε_P² T²/2E² (× P_e/4): at the SNS the MeV-to-50 MeV electron recoils, where
        // at ε_P = 2 it is as large as the Standard Model near T_max (at reactor keV recoils it is invisible)
        Arguments.of("ngi pseudoscalar eves", SNS, "Ar", "processes: [eves], ngi: {pseudoscalar: {e: 2}}"),
        // flavour-changing (e <-> mu: nu_e, nu_mu and their nubar, incoherent over the final flavour), a light tensor
        Arguments.of("ngi flavour-changing cevns", SNS, "CsI",
            "processes: [cevns], ngi: {tensor: {emu: {n: 0.08}, mass_mev: 30}, scalar: {emu: {p: 0.3, n: 0.3}}}"),
        Arguments.of("ngi flavour-changing eves", SNS, "Ar",
            "processes: [eves], ngi: {scalar: {etau: {e: 0.5}}, vector: {emu: {e: 0.3}}, axial: {emu: {e: 0.2}}}"),
        Arguments.of("upscatter", LINE, "CsI",
            "processes: [upscatter], sterile: {mass_mev: 10, dipole_mub: {numu: 1.0e-8}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sampledDistributionsMatchTheModel(String label, String source, String formula, String physics)
      throws Exception {
    String yaml = "name: harness\nphysics: {" + physics + "}\nsources:\n" + source.indent(2)
        + "detectors:\n  - name: det\n    target: {formula: " + formula + "}\n    mass_kg: 10\n    distance_m: 20\n";
    ExperimentConfig cfg = ConfigLoader.parse(yaml, Path.of(".").toAbsolutePath().normalize());
    ExperimentModel model = ExperimentModel.build(cfg);
    TruthGenerator gen = TruthGenerator.of(model, cfg.generator(), SEED, EVENTS, 2);
    List<Channel> channels = gen.channels();
    List<List<double[]>> perChannel = HarnessStats.eventsByChannel(gen);
    int checked = 0;
    for (int i = 0; i < channels.size(); i++) {
      List<double[]> ev = perChannel.get(i);
      if (ev.size() < MIN_EVENTS_PER_CHANNEL) {
        continue;
      }
      checked++;
      Channel ch = channels.get(i);
      String what = label + " " + ch.component().parent() + " " + ch.component().flavor() + " " + ch.isotope().label();
      checkEnergy(what, ch, ev);
      checkRecoil(what, ch, ev);
    }
    assertTrue(checked > 0, label + ": no channel had enough events to test");
  }

  private static void checkEnergy(String what, Channel ch, List<double[]> ev) {
    if (ch.component().spectrum().isLine()) {
      return;
    }
    double p = HarnessStats.energyKsP(ch, ev, 2000, 1);
    assertTrue(p > P_MIN, what + ": E KS p " + p);
  }

  private static void checkRecoil(String what, Channel ch, List<double[]> ev) {
    RecoilCrossSection xs = ch.xs();
    EnergySpectrum s = ch.component().spectrum();
    double tLow = Double.POSITIVE_INFINITY;
    for (double[] x : ev) {
      double tmax = xs.maxRecoilMeV(x[0]);
      double tmin = xs.minRecoilMeV(x[0]);
      assertTrue(x[1] >= tmin && x[1] <= tmax * (1 + 1e-12), what + ": T " + x[1] + " outside [" + tmin + ", "
          + tmax + "]");
      tLow = Math.min(tLow, x[1]);
    }
    double tHi = xs.maxRecoilMeV(s.maxEnergyMeV());
    boolean steep = xs.steepAtMinRecoil();
    double start = steep ? (xs.recoilFloorMeV() > 0 ? xs.recoilFloorMeV() : 0.999 * tLow) : 0;
    int bins = 16;
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      double u = (double) b / bins;
      edges[b] = steep ? start * Math.pow(tHi / start, u) : tHi * u * u;
    }
    long[] observed = HarnessStats.histogram(ev, 1, edges);
    double norm = ch.xsAvgCm2();
    double[] expected = new double[bins];
    for (int b = 0; b < bins; b++) {
      double t0 = edges[b];
      double t1 = edges[b + 1];
      DoubleUnaryOperator inner = energy -> {
        double bottom = Math.max(t0, xs.minRecoilMeV(energy));
        double top = Math.min(t1, xs.maxRecoilMeV(energy));
        if (top <= bottom) {
          return 0;
        }
        return GaussLegendre.integrate(t -> xs.xsCm2PerMeV(energy, t), cuts(bottom, top, xs, ch.isotope().z()), 4);
      };
      double prob = s.isLine() ? inner.applyAsDouble(s.minEnergyMeV()) / norm
          : GaussLegendre.integrate(x -> s.densityPerMeV(x) * inner.applyAsDouble(x),
              HarnessStats.splitAt(s.minEnergyMeV(), s.maxEnergyMeV(), s.breakpointsMeV()), 20) / norm;
      expected[b] = prob * ev.size();
    }
    HarnessStats.ChiSquare c = HarnessStats.mergedChi2(observed, expected);
    assertTrue(c.dof() >= 3, what + ": too few recoil bins " + c.dof());
    assertTrue(c.p() > P_MIN, what + ": recoil chi2 " + c.chi2() + " dof " + c.dof() + " p " + c.p());
  }

  /** [t0, t1] split at the shell binding energies (EvES steps) and into 8 log-spaced pieces. */
  private static double[] cuts(double t0, double t1, RecoilCrossSection xs, int z) {
    List<Double> c = new ArrayList<>();
    for (int k = 0; k <= 8; k++) {
      c.add(t0 > 0 ? t0 * Math.pow(t1 / t0, k / 8.0) : t0 + (t1 - t0) * k / 8.0);
    }
    if (xs.hasAcceptance()) {
      for (double bKeV : ShellBinding.of(z).bindingEnergiesKeV()) {
        double b = bKeV / Units.KEV_PER_MEV;
        if (b > t0 && b < t1) {
          c.add(b);
        }
      }
    }
    c.set(8, t1);
    return c.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
  }

}
