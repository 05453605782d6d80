package org.cevns.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gradients of the unclipped sample contents that {@link KinkNewton} constrains ({@link KinkGradients}) against
 * central differences of {@link SampleTerms#rawContents}: a shape histosys (code 4p, both branches of |α| &lt; 1 and
 * beyond), a Gaussian normalisation (deltas σ × the current, physics-reweighted template) and a physics shape whose
 * derivative is scaled by the normalisation's factor. A kink gradient that misses a term would constrain the Newton
 * step to the wrong surface (seen with the Gaussian normalisation's term taken as an ordinary histosys: ∂V/∂α_flux of
 * bin 0 was 4.0, σ × the nominal template, instead of 4.72, σ × the current one).
 * Tolerance 1e-6 of the row's scale (step 1e-6 of the parameter, rounding ~1e-9).
 */
class KinkGradientsTest {
  @ParameterizedTest(name = "quenching alpha {0}")
  @ValueSource(doubles = {-1.7, -0.4, 0.3, 1.5})
  void gradientsAreThoseOfTheRawContents(double alpha) {
    double[] sig = SystematicsModelTest.SIG;
    double[] hi = sig.clone();
    double[] lo = sig.clone();
    for (int i = 0; i < sig.length; i++) {
      hi[i] = sig[i] * (1 + 0.04 * (i - 2.5));
      lo[i] = sig[i] * (1 - 0.03 * (i - 2.5));
    }
    hi[5] = -20;
    Sample s = Sample.signal("signal", sig).withModifiers(List.of(Modifier.gaussianNorm("flux", sig, 0.10),
            Modifier.histosys("quenching", sig, hi, lo)))
        .withPhysics(ClippedContentDerivativeTest.weakChargeWithDerivatives());
    Sample b = Sample.background("steady", SystematicsModelTest.BKG, "steady");
    BinnedModel m = BinnedModel.of(List.of(Channel.of("on", s, b)), List.of(NormParameter.free("steady")),
        List.of(PhysicsParameter.free("sin2_theta_w", 0.2387, 0.1, 0.4)));
    double[] p = m.nominalParameters(1.1);
    p[m.parameterIndex("quenching")] = alpha;
    p[m.parameterIndex("flux")] = 0.7;
    p[m.parameterIndex("sin2_theta_w")] = 0.27;
    int[] act = IntStream.range(0, m.nParameters()).filter(m::floats).toArray();
    SampleTerms terms = m.terms;
    KinkGradients kg = new KinkGradients(terms, p, act);
    assertNotNull(kg.contents[0], "the signal's content moves with α and φ");
    for (int i = 0; i < sig.length; i++) {
      double[] row = kg.gradient(0, i);
      for (int a = 0; a < act.length; a++) {
        double h = 1e-6;
        double[] up = p.clone();
        double[] dn = p.clone();
        up[act[a]] += h;
        dn[act[a]] -= h;
        double fd = (raw(terms, up)[i] - raw(terms, dn)[i]) / (2 * h);
        assertEquals(fd, row[a], 1e-6 * Math.max(1.0, Math.abs(fd)), "bin " + i + ", parameter "
            + m.parameterNames().get(act[a]));
      }
      assertEquals(raw(terms, p)[i], kg.content(0, i), 1e-12, "content of bin " + i);
    }
  }

  private static double[] raw(SampleTerms terms, double[] p) {
    double[] t = terms.baseTemplates(p)[0];
    double[] out = new double[t.length];
    terms.rawContents(0, p, t, out);
    return out;
  }
}
