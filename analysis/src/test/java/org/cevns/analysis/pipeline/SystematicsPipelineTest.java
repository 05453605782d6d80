package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.config.ConfigFixtures;
import org.cevns.analysis.config.Systematics;
import org.cevns.analysis.fit.BinnedModel;
import org.cevns.analysis.fit.Channel;
import org.cevns.analysis.fit.FitOptions;
import org.cevns.analysis.fit.Modifier;
import org.cevns.analysis.fit.ProfileLikelihood;
import org.cevns.analysis.fit.Sample;
import org.cevns.analysis.stat.Asimov;
import org.junit.jupiter.api.Test;

/** Systematics in the fit model built from templates. */
class SystematicsPipelineTest {
  static final String FIT = "fit: {backgrounds: {steady: free, brn: 0.25}, signal_width: 0.1}\n";

  /**
   * With every systematic switched off ({@code template_statistics: false}, no entries) the model is the plain
   * model of cevns before issue 8 (same parameters, expectations and fit), and the general likelihood code path
   * (forced by a modifier of zero effect) gives the same fit as the plain one to 1e-6.
   */
  @Test
  void systematicsOffEqualsThePlainLikelihood() {
    AnalysisConfig c = ConfigFixtures.beam(FIT + "systematics: {template_statistics: false}\n");
    assertTrue(c.systematics().isOff());
    var off = FitModelBuilder.build(c.mode(), c.fit(), BeamToys.templates(), BeamToys.templates(),
        TemplateSystematics.of(c.systematics()), List.of());
    var plain = FitModelBuilder.build(c.mode(), c.fit(), BeamToys.templates(), BeamToys.templates());
    assertEquals(plain.model().parameterNames(), off.model().parameterNames());
    assertTrue(off.model().alphas().isEmpty() && !off.model().hasStatErrors() && off.model().physics().isEmpty());
    BinnedModel m = plain.model();
    // the same model through the general code path: every sample gets a histosys with zero deltas
    List<Channel> channels = new ArrayList<>();
    for (Channel ch : m.channels()) {
      channels.add(Channel.of(ch.name(), ch.samples().stream().map(s -> s.withModifiers(List.of(
          Modifier.histosys("zero", s.expected(), s.expected(), s.expected())))).toList()));
    }
    BinnedModel general = BinnedModel.of(channels, m.norms());
    double[] p = m.nominalParameters(1.2);
    var asimov = Asimov.dataset(m, p);
    var asimovGeneral = Asimov.dataset(general, general.nominalParameters(1.2));
    ProfileLikelihood a = ProfileLikelihood.of(m, asimov, FitOptions.unboundedMu());
    ProfileLikelihood b = ProfileLikelihood.of(general, asimovGeneral, FitOptions.unboundedMu());
    assertEquals(a.bestFit().mu(), b.bestFit().mu(), 1e-6);
    assertEquals(a.interval68().lower(), b.interval68().lower(), 1e-6);
    assertEquals(a.interval68().upper(), b.interval68().upper(), 1e-6);
    assertEquals(a.significance().z(), b.significance().z(), 1e-6);
  }

  @Test
  void normalisationAndTiltSystematicsBecomeModifiersAndWidenMu() {
    AnalysisConfig c = ConfigFixtures.beam(FIT + """
        systematics:
          template_statistics: true
          sources: {sns: {flux: {size: 0.1}}}
          detectors: {csi: {mass: {size: 0.05, constraint: lognormal}, tilt: {steady: {size: 0.1}}}}
        """);
    var built = FitModelBuilder.build(c.mode(), c.fit(), BeamToys.templates(), BeamToys.templates(),
        new TemplateSystematics(c.systematics(), java.util.Map.of(), java.util.Map.of(), java.util.Optional.empty(),
            java.util.Optional.empty(), java.util.Map.of("beam", "sns")), List.of());
    BinnedModel m = built.model();
    assertEquals(List.of("sns.flux", "csi.mass", "csi.steady.tilt"), m.alphas());
    // the toy templates are exact (no Σw²): template statistics add no Barlow–Beeston terms
    Sample sig = m.channels().get(0).samples().stream().filter(Sample::isSignal).findFirst().orElseThrow();
    assertEquals(Modifier.Type.HISTOSYS, sig.modifiers().get(0).type()); // gaussian flux: code 0
    assertEquals(Modifier.Type.NORMSYS, sig.modifiers().get(1).type()); // log-normal mass: code 1
    double withSyst = ProfileLikelihood.of(m, Asimov.dataset(m, 1.0)).interval68().halfWidth();
    var plain = FitModelBuilder.build(c.mode(), c.fit(), BeamToys.templates(), BeamToys.templates(),
        TemplateSystematics.of(Systematics.none()), List.of()).model();
    double without = ProfileLikelihood.of(plain, Asimov.dataset(plain, 1.0)).interval68().halfWidth();
    assertTrue(withSyst > without, withSyst + " vs " + without);
  }

  /**
   * A response systematic (templates re-folded at ±1σ) is one additive histosys, or with
   * {@code response_interpolation: norm-plus-shape} a normsys of the variation's normalisation and a histosys of its
   * shape on the one nuisance; both give the re-folded templates at ±1σ.
   */
  @Test
  void responseSystematicSplitsIntoNormalisationAndShapeWhenAsked() {
    for (String mode : List.of("additive", "norm-plus-shape")) {
      AnalysisConfig c = ConfigFixtures.beam(FIT + "systematics: {template_statistics: false, response_interpolation: "
          + mode + ", detectors: {csi: {quenching: {size: 0.038}}}}\n");
      var t = BeamToys.templates();
      // the signal +50 % / -50 % at +-1 sigma, the backgrounds unchanged
      var up = t.scaled(k -> k.isSignal() ? 1.5 : 1.0);
      var down = t.scaled(k -> k.isSignal() ? 0.5 : 1.0);
      var built = FitModelBuilder.build(c.mode(), c.fit(), t, t, new TemplateSystematics(c.systematics(),
          java.util.Map.of("csi.quenching", up), java.util.Map.of("csi.quenching", down), java.util.Optional.empty(),
          java.util.Optional.empty(), java.util.Map.of("beam", "sns")), List.of());
      BinnedModel m = built.model();
      assertEquals(List.of("csi.quenching"), m.alphas());
      Sample sig = m.channels().get(0).samples().stream().filter(Sample::isSignal).findFirst().orElseThrow();
      List<Modifier.Type> types = sig.modifiers().stream().map(Modifier::type).toList();
      if (mode.equals("additive")) {
        assertEquals(List.of(Modifier.Type.HISTOSYS), types);
      } else {
        assertEquals(List.of(Modifier.Type.NORMSYS, Modifier.Type.HISTOSYS), types);
        assertEquals(1.5, sig.modifiers().get(0).kappaHi(), 1e-12);
        assertEquals(0.5, sig.modifiers().get(0).kappaLo(), 1e-12);
        for (double d : sig.modifiers().get(1).deltaHi()) {
          assertEquals(0, d, 1e-9, "a pure normalisation change has no shape part");
        }
      }
      double[] p = m.nominalParameters(1.0);
      p[m.parameterIndex("csi.quenching")] = -1;
      double[] atMinus = m.expectedOfSamples(p, 0, Sample::isSignal);
      double[] nominal = m.expectedOfSamples(m.nominalParameters(1.0), 0, Sample::isSignal);
      for (int i = 0; i < nominal.length; i++) {
        assertEquals(0.5 * nominal[i], atMinus[i], 1e-9 * (1 + nominal[i]), mode + ", bin " + i);
      }
    }
  }
}
