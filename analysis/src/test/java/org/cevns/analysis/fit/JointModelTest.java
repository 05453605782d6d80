package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link JointModel}: with no parameter shared but μ the joint deviance is the sum of the parts' (every term:
 * Poisson, norm and α constraints, Barlow–Beeston-lite, physics shapes); a nuisance two parts name alike is one
 * parameter with one constraint term; a shared flux widens the interval of μ against the same model with the flux
 * per experiment (the uncorrelated combination), as a common normalisation does not average down. Deterministic
 * (Asimov data, no random numbers).
 */
class JointModelTest {
  /** A part: signal (× μ, flux modifier {@code flux}, physics shape in {@code phys}) and a background with a norm. */
  static BinnedModel part(String flux, double scale, String phys, double[] stat) {
    double[] sig = {40 * scale, 25 * scale, 10 * scale};
    double[] bkg = {8 * scale, 9 * scale, 10 * scale};
    double[] hi = {sig[0] * 1.05, sig[1] * 1.02, sig[2] * 0.97};
    double[] lo = {sig[0] * 0.96, sig[1] * 0.99, sig[2] * 1.04};
    Sample s = Sample.signal("signal", sig).withModifiers(List.of(Modifier.normsys(flux, 1.10, 0.90),
        Modifier.histosys(phys + ".shape", sig, hi, lo))).withStatErrors(stat);
    s = s.withPhysics(v -> new double[] {sig[0] * (1 + v[0]), sig[1], sig[2] * (1 - 0.5 * v[0])});
    Sample b = Sample.background("brn", bkg, "det.brn").withModifiers(List.of(Modifier.normsys("det.tilt", 1.2, 0.85)));
    return BinnedModel.of(List.of(Channel.of("det.on", s, b)), List.of(NormParameter.constrained("det.brn", 0.3)),
        List.of(new PhysicsParameter(phys, 0.0, -0.5, 0.5, 0.2)));
  }

  static JointModel.Part asimov(String name, BinnedModel m, double[] counts) {
    return new JointModel.Part(name, m, Observations.of(m, counts));
  }

  @Test
  void nothingSharedButMuGivesTheSumOfTheDeviances() {
    BinnedModel a = part("fluxA", 1.0, "phiA", new double[] {2, 1.5, 1});
    BinnedModel b = part("fluxB", 3.0, "phiB", null);
    List<JointModel.Part> parts = List.of(asimov("exA", a, new double[] {50, 30, 25}),
        asimov("exB", b, new double[] {130, 110, 50}));
    JointModel j = JointModel.of(parts, Set.of("det.tilt"));
    assertEquals(Map.of(), j.shared());
    assertEquals(a.nBins() + b.nBins(), j.model().nBins());
    assertEquals(List.of("exA.det.on", "exB.det.on"), j.model().channels().stream().map(Channel::name).toList());
    Observations o = j.observations(parts);
    double[][] points = {{1.0, 1.1, 0.2, 0.1, -0.3, 0.9, 0.4, -1.2, 0.5, 0.05, -0.1},
        {0.7, 0.8, -0.7, 1.4, 0.6, 1.2, -0.2, 0.3, -0.8, -0.2, 0.3}};
    for (double[] v : points) {
      double[] pa = values(a, j, 0, v);
      double[] pb = values(b, j, 1, v);
      double sum = PoissonLikelihood.of(a, parts.get(0).observations()).deviance(pa)
          + PoissonLikelihood.of(b, parts.get(1).observations()).deviance(pb);
      double[] p = jointValues(j, v);
      assertEquals(sum, PoissonLikelihood.of(j.model(), o).deviance(p), 1e-9 * Math.abs(sum));
    }
  }

  @Test
  void aSharedNuisanceIsOneParameterWithOneConstraint() {
    BinnedModel a = part("sns.flux", 1.0, "sin2", null);
    BinnedModel b = part("sns.flux", 2.0, "sin2", null);
    List<JointModel.Part> parts = List.of(asimov("exA", a, a.expected(a.nominalParameters(1))),
        asimov("exB", b, b.expected(b.nominalParameters(1))));
    JointModel j = JointModel.of(parts, Set.of());
    assertEquals(List.of("sns.flux", "sin2.shape", "det.tilt"), j.model().alphas());
    assertEquals(List.of("exA", "exB"), j.shared().get("sns.flux"));
    assertEquals(List.of("exA", "exB"), j.shared().get("sin2"));
    assertEquals(List.of("exA.det.brn", "exB.det.brn"), j.model().norms().stream().map(NormParameter::name).toList());
    assertEquals(1, j.model().physics().size());
    PoissonLikelihood l = PoissonLikelihood.of(j.model(), j.observations(parts));
    double[] p = j.model().nominalParameters(1.0);
    double c0 = l.constraintDeviance(p);
    p[j.model().parameterIndex("sns.flux")] = 1.0;
    assertEquals(1.0, l.constraintDeviance(p) - c0, 1e-12, "one unit-Gaussian term for the shared α");
    p[j.model().parameterIndex("sin2")] = 0.2;
    assertEquals(2.0, l.constraintDeviance(p) - c0, 1e-12, "one (x/σ)² term for the shared physics parameter");
  }

  @Test
  void aSharedFluxWidensTheIntervalOfMu() {
    BinnedModel a = part("sns.flux", 4.0, "sin2", null);
    BinnedModel b = part("sns.flux", 6.0, "sin2", null);
    List<JointModel.Part> parts = List.of(asimov("exA", a, a.expected(a.nominalParameters(1))),
        asimov("exB", b, b.expected(b.nominalParameters(1))));
    JointModel shared = JointModel.of(parts, Set.of());
    JointModel apart = JointModel.of(parts, Set.of("sns.flux"));
    assertEquals(List.of("sns.flux", "sin2.shape", "det.tilt"), shared.model().alphas());
    assertTrue(apart.model().alphas().containsAll(List.of("exA.sns.flux", "exB.sns.flux")));
    double wShared = ProfileLikelihood.of(shared.model(), shared.observations(parts)).interval68().halfWidth();
    double wApart = ProfileLikelihood.of(apart.model(), apart.observations(parts)).interval68().halfWidth();
    // the flux's 10 % does not average down when shared: about sqrt(stat^2 + 0.1^2) against sqrt(stat^2 + 0.1^2/2)
    assertTrue(wShared > wApart * 1.05, "shared " + wShared + " vs uncorrelated " + wApart);
    assertTrue(wShared > 0.1, "shared width " + wShared + " exceeds the flux's 10 %");
  }

  @Test
  void rejectsOneExperimentAndAnUnknownNoShareName() {
    BinnedModel a = part("fluxA", 1.0, "phiA", null);
    JointModel.Part p = asimov("exA", a, new double[3]);
    assertThrows(IllegalArgumentException.class, () -> JointModel.of(List.of(p), Set.of()));
    assertThrows(IllegalArgumentException.class, () -> JointModel.of(List.of(p, p), Set.of()));
    JointModel.Part q = asimov("exB", part("fluxB", 1.0, "phiA", null), new double[3]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JointModel.of(List.of(p, q), Set.of("fluxA")));
    assertTrue(e.getMessage().startsWith("--no-share: 'fluxA'"), e.getMessage());
  }

  /** Part {@code k}'s parameters, read by name from the joint vector built of {@code v}. */
  private static double[] values(BinnedModel part, JointModel j, int k, double[] v) {
    double[] all = jointValues(j, v);
    double[] p = new double[part.nParameters()];
    List<String> names = part.parameterNames();
    for (int i = 0; i < p.length; i++) {
      String n = j.renamed().get(k).getOrDefault(names.get(i), names.get(i));
      p[i] = all[j.model().parameterIndex(n)];
    }
    return p;
  }

  /** The joint parameters: μ, norms > 0 and the rest from {@code v} (cycled). */
  private static double[] jointValues(JointModel j, double[] v) {
    double[] p = new double[j.model().nParameters()];
    for (int i = 0; i < p.length; i++) {
      p[i] = v[i % v.length];
      if (i >= 1 && i < j.model().alphaOffset()) {
        p[i] = Math.abs(p[i]) + 0.5;
      }
      if (i >= j.model().physicsOffset()) {
        p[i] = 0.3 * v[i % v.length];
      }
    }
    return p;
  }
}
