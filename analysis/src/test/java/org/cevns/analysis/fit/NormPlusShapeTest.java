package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Modifier#normPlusShape}: a response variation as a normsys of its normalisation and a histosys of its shape on
 * one parameter. At α = ±1 the sample is the re-folded template, as with the one additive histosys; beyond, the
 * normalisation goes on exponentially (code 4) where the additive variation reaches zero and is clipped.
 */
class NormPlusShapeTest {
  private static final double[] NOMINAL = {10, 20, 30, 5};
  /** −1σ keeps 20 % of the sample (a quenching shift at a steep threshold), +1σ 1.5× with another shape. */
  private static final double[] LO = {1, 4, 7, 0};
  private static final double[] HI = {12, 30, 48, 10};

  private static BinnedModel model(List<Modifier> mods) {
    Sample s = Sample.signal("signal", NOMINAL).withModifiers(mods);
    return BinnedModel.of(List.of(Channel.of("on", s)), List.of());
  }

  /** Expected counts at μ = 1 and α = {@code alpha}. */
  private static double[] at(BinnedModel m, double alpha) {
    double[] p = m.nominalParameters(1.0);
    p[m.parameterIndex("quenching")] = alpha;
    return m.expected(p);
  }

  @Test
  void reproducesTheVariedTemplatesAtPlusAndMinusOneSigma() {
    List<Modifier> split = Modifier.normPlusShape("quenching", NOMINAL, HI, LO);
    assertEquals(List.of(Modifier.Type.NORMSYS, Modifier.Type.HISTOSYS), split.stream().map(Modifier::type).toList());
    assertEquals(100.0 / 65, split.get(0).kappaHi(), 1e-15);
    assertEquals(12.0 / 65, split.get(0).kappaLo(), 1e-15);
    BinnedModel m = model(split);
    BinnedModel additive = model(List.of(Modifier.histosys("quenching", NOMINAL, HI, LO)));
    for (double alpha : new double[] {-1, 0, 1}) {
      double[] a = at(m, alpha);
      double[] b = at(additive, alpha);
      double[] want = alpha < 0 ? LO : alpha > 0 ? HI : NOMINAL;
      for (int i = 0; i < a.length; i++) {
        assertEquals(want[i], a[i], 1e-12 * (1 + want[i]), "alpha " + alpha + ", bin " + i);
        assertEquals(want[i], b[i], 1e-12 * (1 + want[i]), "alpha " + alpha + ", bin " + i);
      }
    }
  }

  @Test
  void beyondMinusOneSigmaTheNormalisationFallsExponentiallyNotToZero() {
    BinnedModel m = model(Modifier.normPlusShape("quenching", NOMINAL, HI, LO));
    BinnedModel additive = model(List.of(Modifier.histosys("quenching", NOMINAL, HI, LO)));
    double[] split = at(m, -2);
    double[] add = at(additive, -2);
    double kappaLo = 12.0 / 65;
    for (int i = 0; i < split.length; i++) {
      // additive: nominal − 2 (nominal − lo) = 2 lo − nominal, clipped at zero in every bin here
      assertEquals(Math.max(2 * LO[i] - NOMINAL[i], 0), add[i], 1e-12);
      // split: the normsys κ_lo^2 (code 4 below −1) times the shape's linear extrapolation 2 lo' − nominal,
      // lo' = lo × 65/12 the −1σ shape at the nominal total (clipped at zero in the last bin)
      double shape = Math.max(2 * LO[i] * 65 / 12 - NOMINAL[i], 0);
      assertEquals(kappaLo * kappaLo * shape, split[i], 1e-12 * (1 + shape), "bin " + i);
    }
    assertTrue(java.util.Arrays.stream(split).sum() > 2, "the split keeps ~4 % of the sample at -2 sigma");
    assertTrue(java.util.Arrays.stream(add).sum() == 0, "the additive variation empties the sample at -2 sigma");
  }

  @Test
  void anEmptySideKeepsTheAdditiveVariation() {
    double[] empty = new double[NOMINAL.length];
    List<Modifier> mods = Modifier.normPlusShape("quenching", NOMINAL, HI, empty);
    assertEquals(1, mods.size());
    assertEquals(Modifier.Type.HISTOSYS, mods.get(0).type());
    assertEquals(1, Modifier.normPlusShape("q", new double[4], HI, LO).size());
  }

  @Test
  void aSampleTakesOneNormsysAndOneHistosysPerParameterAtMost() {
    Sample s = Sample.signal("signal", NOMINAL);
    s.withModifiers(Modifier.normPlusShape("quenching", NOMINAL, HI, LO));
    assertThrows(IllegalArgumentException.class, () -> s.withModifiers(List.of(
        Modifier.histosys("quenching", NOMINAL, HI, LO), Modifier.histosys("quenching", NOMINAL, LO, HI))));
    assertThrows(IllegalArgumentException.class, () -> s.withModifiers(List.of(
        Modifier.normsys("quenching", 1.1, 0.9), Modifier.normsys("quenching", 1.2, 0.8))));
  }

  @Test
  void thePyhfWorkspaceCarriesBothModifiersUnderTheOneName() {
    BinnedModel m = model(Modifier.normPlusShape("quenching", NOMINAL, HI, LO));
    JsonNode ws = PyhfWorkspace.toTree(m, Observations.of(m, NOMINAL.clone()), FitOptions.unboundedMu(), "t");
    JsonNode mods = ws.get("channels").get(0).get("samples").get(0).get("modifiers");
    List<String> quenching = new java.util.ArrayList<>();
    mods.forEach(x -> {
      if (x.get("name").asText().equals("quenching")) {
        quenching.add(x.get("type").asText());
      }
    });
    assertEquals(List.of("normsys", "histosys"), quenching);
  }
}
