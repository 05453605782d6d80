package org.cevns.analysis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cevns.schema.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code analysis.systematics} and {@code analysis.parameters}: values, and a one-line error per malformed entry. */
class SystematicsConfigTest {
  static AnalysisConfig parse(String analysis) {
    return AnalysisConfigTest.parse(AnalysisConfigTest.BEAM, analysis);
  }

  @Test
  void entriesBecomeNamedNuisances() {
    AnalysisConfig c = parse("""
        parameters: [sin2_theta_w, rn_fm.Cs133]
        systematics:
          template_statistics: false
          sources:
            sns: {flux: {size: 0.1, source: "PRL 129 (2022) 081801"}}
          detectors:
            csi:
              mass: {size: 0.011, constraint: lognormal}
              quenching: {size: 0.038}
              tilt: {steady: {size: 0.05}}
        """);
    Systematics s = c.systematics();
    assertFalse(s.templateStatistics());
    assertEquals(List.of("sns.flux", "csi.mass", "csi.quenching", "csi.steady.tilt"),
        s.entries().stream().map(Systematic::parameter).toList());
    assertEquals(Systematic.Prior.LOGNORMAL, s.entries().get(1).constraint());
    assertEquals(0.038, s.entries().get(2).size());
    assertTrue(s.entries().get(2).kind().isResponse());
    assertEquals("PRL 129 (2022) 081801", s.entries().get(0).source().orElseThrow());
    assertEquals(List.of("sin2_theta_w", "rn_fm.Cs133"), c.parameters());
  }

  /** {@code response_interpolation}: norm-plus-shape unless additive is asked for. */
  @Test
  void responseInterpolationIsNormPlusShapeByDefault() {
    assertTrue(parse("systematics: {detectors: {csi: {quenching: {size: 0.038}}}}").systematics().normPlusShape());
    assertTrue(parse("systematics: {response_interpolation: norm-plus-shape}").systematics().normPlusShape());
    Systematics s = parse("systematics: {response_interpolation: additive, detectors: {csi: {quenching:"
        + " {size: 0.038}}}}").systematics();
    assertFalse(s.normPlusShape());
    assertFalse(s.withoutTemplateStatistics().normPlusShape());
    assertFalse(s.withEntries(List.of()).normPlusShape());
  }

  /** {@code group:} overrides the impact group a systematic's kind gives it; a bad value is a one-line error. */
  @Test
  void groupOverridesTheDefaultOfTheKind() {
    AnalysisConfig c = parse("""
        systematics:
          sources:
            sns: {flux: {size: 0.1}}
          detectors:
            csi:
              mass: {size: 0.011, group: flux}
              efficiency: {size: 0.01}
              quenching: {size: 0.038, group: energy_scale}
              tilt: {steady: {size: 0.05, group: signal_shape}}
        """);
    assertEquals(List.of("flux", "flux", "threshold_efficiency", "energy_scale", "signal_shape"),
        c.systematics().entries().stream().map(org.cevns.analysis.pipeline.ImpactGroups::of).toList());
    ConfigErrorAssertions.assertMessage("analysis.systematics.detectors.csi.mass.group: must be one of flux, mass,"
        + " cross_section, threshold_efficiency, quenching_response, energy_scale, timing, background_shape,"
        + " signal_shape, signal_norm, got 'masses'",
        () -> parse("systematics: {detectors: {csi: {mass: {size: 0.01, group: masses}}}}\n"));
  }

  /** New-physics parameters are accepted in analysis.parameters. */
  @Test
  void newPhysicsParametersAreAccepted() {
    AnalysisConfig c = parse("""
        parameters: [nsi.u.ee, ngi.tensor.n, rn_fm.Cs133, "mediator[0].g", ngi.tensor.numu.n, ngi.scalar.e,
          ngi.pseudoscalar.nue.e, ngi.pseudoscalar.mass_mev]
        """);
    assertEquals(List.of("nsi.u.ee", "ngi.tensor.n", "rn_fm.Cs133", "mediator[0].g", "ngi.tensor.numu.n",
        "ngi.scalar.e", "ngi.pseudoscalar.nue.e", "ngi.pseudoscalar.mass_mev"), c.parameters());
    assertTrue(c.systematics().physicsSigmas().isEmpty());
  }

  @Test
  void absentSectionMeansTemplateStatisticsOnly() {
    AnalysisConfig c = AnalysisConfig.of(AnalysisConfigTest.load(AnalysisConfigTest.BEAM));
    assertTrue(c.systematics().entries().isEmpty());
    assertTrue(c.systematics().templateStatistics());
    assertTrue(c.parameters().isEmpty());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "systematics: {sources: {reactor: {flux: {size: 0.1}}}}|analysis.systematics.sources.reactor",
    "systematics: {sources: {sns: {fluxx: {size: 0.1}}}}|analysis.systematics.sources.sns.fluxx",
    "systematics: {sources: {sns: {flux: {size: -0.1}}}}|analysis.systematics.sources.sns.flux.size",
    "systematics: {sources: {sns: {flux: {size: 0}}}}|analysis.systematics.sources.sns.flux.size",
    "systematics: {sources: {sns: {flux: {size: .nan}}}}|analysis.systematics.sources.sns.flux.size",
    "systematics: {sources: {sns: {flux: {size: 1.5}}}}|analysis.systematics.sources.sns.flux.size",
    "systematics: {sources: {sns: {flux: {size: ten}}}}|analysis.systematics.sources.sns.flux.size",
    "systematics: {sources: {sns: {flux: {}}}}|analysis.systematics.sources.sns.flux.size",
    "systematics: {sources: {sns: {flux: 0.1}}}|analysis.systematics.sources.sns.flux",
    "systematics: {sources: {sns: {flux: {size: 0.1, constraint: box}}}}|analysis.systematics.sources.sns.flux.constraint",
    "systematics: {sources: {sns: {flux: {size: 0.1, width: 2}}}}|analysis.systematics.sources.sns.flux.width",
    "systematics: {detectors: {ge: {mass: {size: 0.01}}}}|analysis.systematics.detectors.ge",
    "systematics: {detectors: {csi: {light: {size: 0.01}}}}|analysis.systematics.detectors.csi.light",
    "systematics: {detectors: {csi: {quenching: {size: 0.8}}}}|analysis.systematics.detectors.csi.quenching.size",
    "systematics: {detectors: {csi: {threshold: {size: 0.1, constraint: lognormal}}}}|analysis.systematics.detectors.csi.threshold.constraint",
    "systematics: {detectors: {csi: {tilt: {nin: {size: 0.1}}}}}|analysis.systematics.detectors.csi.tilt.nin",
    "systematics: {detectors: {csi: {tilt: {steady: {size: 0.9}}}}}|analysis.systematics.detectors.csi.tilt.steady.size",
    "systematics: {detectors: {csi: {timing: {size_ns: 0}}}}|analysis.systematics.detectors.csi.timing.size_ns",
    "systematics: {detectors: {csi: {timing: {size_ns: -5}}}}|analysis.systematics.detectors.csi.timing.size_ns",
    "systematics: {detectors: {csi: {timing: {size_ns: .inf}}}}|analysis.systematics.detectors.csi.timing.size_ns",
    "systematics: {detectors: {csi: {timing: {size_ns: 2.0e4}}}}|analysis.systematics.detectors.csi.timing.size_ns",
    "systematics: {detectors: {csi: {timing: {size: 0.1}}}}|analysis.systematics.detectors.csi.timing.size",
    "systematics: {detectors: {csi: {timing: {}}}}|analysis.systematics.detectors.csi.timing.size_ns",
    "systematics: {detectors: {csi: {timing: 200}}}|analysis.systematics.detectors.csi.timing",
    "systematics: {detectors: {csi: {timing: {size_ns: 200}}}}|analysis.systematics.detectors.csi.timing",
    "systematics: {sources: {sns: {pulse_width: {size: 0.7}}}}|analysis.systematics.sources.sns.pulse_width.size",
    "systematics: {sources: {sns: {pulse_width: {size: 0.1, constraint: lognormal}}}}|analysis.systematics.sources.sns.pulse_width.constraint",
    "systematics: {sources: {sns: {pulse_width: {size: 0.1, effect: rate}}}}|analysis.systematics.sources.sns.pulse_width.effect",
    "systematics: {sources: {sns: {pulse_width: {size: 0.1, name: w}}}}|analysis.systematics.sources.sns.pulse_width.name",
    "systematics: {sources: {sns: {pulse_width: {size: 0.1}}}}|analysis.systematics.sources.sns.pulse_width",
    "systematics: {template_statistics: maybe}|analysis.systematics.template_statistics",
    "systematics: {response_interpolation: cubic}|analysis.systematics.response_interpolation",
    "systematics: {response_interpolation: norm_plus_shape}|analysis.systematics.response_interpolation",
    "systematics: {sources: {sns: {flux: {size: 0.1, group: fluxes}}}}|analysis.systematics.sources.sns.flux.group",
    "systematics: {sources: {sns: {flux: {size: 0.1, group: 3}}}}|analysis.systematics.sources.sns.flux.group",
    "systematics: {detectors: {csi: {mass: {size: 0.1, group: template_statistics}}}}|analysis.systematics.detectors.csi.mass.group",
    "systematics: {detectors: {csi: {tilt: {steady: {size: 0.1, group: ''}}}}}|analysis.systematics.detectors.csi.tilt.steady.group",
    "systematics: {other: 1}|analysis.systematics.other",
    "systematics: [flux]|analysis.systematics",
    "parameters: [sin2theta]|analysis.parameters[0]",
    "parameters: [rn_fm.Cs133, rn_fm.Cs133]|analysis.parameters[1]",
    "parameters: [rn_fm.cs133]|analysis.parameters[0]",
    "parameters: [ngi.pseudo.p]|analysis.parameters[0]",
    "parameters: [ngi.pseudoscalar.p]|analysis.parameters[0]",
    "parameters: [ngi.pseudoscalar.numu.n]|analysis.parameters[0]",
    "parameters: [ngi.tensor.numu.mass_mev]|analysis.parameters[0]",
  })
  void malformedEntryIsOneLineNamingTheKey(String yaml, String key) {
    ConfigException e = ConfigErrorAssertions.error(() -> parse(yaml + "\n"));
    assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
  }

  /** Beam timing and pulse width: named nuisances of a fit with a time axis; refused (one line) without one. */
  @Test
  void timingAndPulseWidthNeedATimeAxis() {
    AnalysisConfig c = parse("""
        fit: {observable: energy-time}
        systematics:
          sources: {sns: {pulse_width: {size: 0.1}}}
          detectors: {csi: {timing: {size_ns: 200, source: "an assumption"}}}
        """);
    assertEquals(List.of("sns.pulse_width", "csi.timing"),
        c.systematics().entries().stream().map(Systematic::parameter).toList());
    Systematic t = c.systematics().entries().get(1);
    assertEquals(Systematic.Kind.TIMING, t.kind());
    assertEquals(200.0, t.size());
    assertTrue(t.isRefold() && t.kind().isTime() && c.systematics().entries().get(0).isRefold());
    ConfigErrorAssertions.assertMessage("analysis.systematics.detectors.csi.timing: moves event times and needs a fit"
        + " with a time axis (analysis.fit.observable: energy-time), got observable energy",
        () -> parse("systematics: {detectors: {csi: {timing: {size_ns: 200}}}}\n"));
    ConfigErrorAssertions.assertMessage("analysis.systematics.sources.core.pulse_width: only a pulsed (pion-dar)"
        + " source has a proton pulse width", () -> AnalysisConfigTest.parse(
        AnalysisConfigTest.REACTOR.replace("live_days_off: OFF", "live_days_off: 50"),
        "systematics: {sources: {core: {pulse_width: {size: 0.1}}}}\n"));
  }

  @Test
  void messagesSayWhatIsAllowed() {
    ConfigException e =
        ConfigErrorAssertions.error(() -> parse("systematics: {sources: {sns: {flux: {size: 1.5}}}}\n"));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    ConfigErrorAssertions.assertMessage("analysis.systematics.detectors.ge: unknown detector 'ge', detectors are csi",
        () -> parse("systematics: {detectors: {ge: {mass: {size: 0.01}}}}\n"));
  }
}
