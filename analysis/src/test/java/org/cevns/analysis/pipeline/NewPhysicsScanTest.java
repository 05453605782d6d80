package org.cevns.analysis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cevns.analysis.config.AnalysisConfig;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.sim.AnalysisJob;
import org.cevns.analysis.sim.SimulationSetup;
import org.cevns.analysis.sim.TemplateMaker;
import org.cevns.detsim.setup.DetsimConfig;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.ExperimentConfig;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.analysis.reweight.CevnsFamily;
import org.cevns.physics.Flavor;
import org.cevns.physics.Process;
import org.cevns.physics.nucleus.IsotopeTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An Asimov scan finds new-physics parameters it did not simulate: the data are the expected spectra of an
 * independent simulation of a shipped configuration with one new-physics parameter set (seed 77), the fit model
 * the Standard-Model templates of the same configuration (seed 1) reweighted event by event to the parameter, every
 * systematic of the configuration profiled. The best fit must lie within {@code tol} of the injected value.
 *
 * <p>Tolerance: the only differences between data and model are the Monte Carlo fluctuations of the two
 * simulations (each signal template holds ≳ 20 × the expected signal events of the data, as the default template
 * factor makes them, here capped at {@code max_events}) and the table interpolation (41 spline nodes over the
 * grid; error far below). The fluctuation of a fitted value is then about σ·√(1/K₁ + 1/K₂) ≲ 0.3 σ, σ the
 * statistical precision of the configured exposure (the 68 % half-width of the scan, printed on failure).
 * {@code tol} is about that σ (CsI ε^u_ee around −0.05: 0.03; CONUS+ μ_ν around 1e-10: 5e-11, its 68 % half-width
 * with the background normalisations profiled), i.e. ≳ 3× the expected Monte Carlo scatter; the injected value must
 * also lie inside the scan's 68 % region (Δχ² &lt; 1 at its grid point) and inside the Wilks 68 % interval of the
 * interval search. The seeds are fixed, so the test is
 * deterministic. It has power: the
 * injected value lies outside the Standard Model's 68 % interval (checked: Δχ² at 0 &gt; 1).
 */
class NewPhysicsScanTest {
  static Path configsDir() {
    for (Path p : List.of(Path.of("..", "configs"), Path.of("configs"))) {
      if (Files.isRegularFile(p.resolve("reference.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("configs/ not found");
  }

  static SimulationSetup setup(String yaml) {
    ExperimentConfig c = ConfigLoader.parse(yaml, configsDir());
    ExperimentModel m = ExperimentModel.build(c);
    return SimulationSetup.of(m, DetsimConfig.of(m), "test");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // CsI: eps^u_ee = -0.05 raises the nu_e weak charge by 25 % (rate of the delayed nu_e x1.56); the second
    // solution (eps ~ 0.45) is outside the grid. Not near eps ~ 0.2, where the nu_e rate has its minimum and the
    // profile is flat (quartic): there the best fit wanders by ~0.1 with the Monte Carlo noise (seen: 0.21 for 0.1)
    "coherent-csi.yaml|'  nsi: {u: {ee: -0.05}}'|nsi.u.ee|-0.05|-0.15|0.05|0.03|400000",
    // CONUS+: mu_nu of nu_e (reactor anti-nu_e) on Ge nuclei and, dominant, on electrons (the eves component);
    // the templates are simulated at the grid's far end (4e-10) and reweighted (CevnsFamily.simulationPoint).
    // Injected 2e-10, not 1e-10: at 1e-10 the exact Asimov scan (`cevns scan` of the config with the injection)
    // has delta_chi2(0) = 0.62 with the backgrounds of b3ea364 and 0.64 per component, below the "power" threshold
    // 1; the 1e-10 case passed through the Monte Carlo noise of the separately simulated data, which the ON-only
    // background excesses (radon, tritium: electron recoils like the mu_nu signal) pick up: 2e5 events put the
    // best fit at 4.8e-11, 2e6 at 8.7e-11 (q(0) = 0.38). Hence also 1e6 events
    "conus-plus.yaml|'  magnetic_moment_mub: {nue: 2.0e-10}'|magnetic_moment_mub.nue|2.0e-10|0|4.0e-10|5.0e-11|1000000",
    // CsI: a contact tensor NGI with neutrons, eps_T^n = 0.1, raises the CEvNS rate by ~30 % (tensor = 8x the
    // vector term at equal coupling; quadratic, so the grid starts at 0)
    "coherent-csi.yaml|'  ngi: {tensor: {n: 0.1}}'|ngi.tensor.n|0.1|0|0.2|0.04|400000",
    // CsI: the same coupling for nu_mu only (prompt nu_mu and delayed anti-nu_mu, 2/3 of the SNS flux): their
    // CEvNS rate x1.46 (4 x the x1.116 of 0.05 in docs/new-physics.md, the term is quadratic), the total ~ +30 %;
    // the delayed nu_e stay Standard Model (the templates are reweighted per flavour)
    "coherent-csi.yaml|'  ngi: {tensor: {numu: {n: 0.1}}}'|ngi.tensor.numu.n|0.1|0|0.2|0.04|400000",
    // CsI: flavour-changing e<->tau tensor (only the delayed nu_e scatter into nu_tau; no Standard-Model interference),
    // templates simulated at the grid's far end (CevnsFamily.addsOnlyItsOwnTerm). Regression: with the templates at
    // the Standard Model (weights without bound near T_max, where the SM dsigma/dT vanishes and the tensor term does
    // not) the best fit was 0.179, 68 % interval [0.156, 0.199], excluding the injected 0.2
    "coherent-csi.yaml|'  ngi: {tensor: {etau: {n: 0.2}}}'|ngi.tensor.etau.n|0.2|0|0.4|0.04|400000",
    // Not cases (2026-12-04, this set-up, templates at the Standard Model): ngi.vector.emu.n = 0.2 (all three SNS
    // flavours x1.17, Standard-Model recoil shape) gave delta_chi2(0) = 0.18, best fit 0.12 (absorbed by the
    // normalisation nuisances); ngi.tensor.etau.n (delayed nu_e alone) at 0.1 gave delta_chi2(0) = 0.52 (no power)
  })
  void asimovScanFindsTheInjectedParameter(String config, String physics, String name, double injected,
      double lower, double upper, double tol, long maxEvents) throws Exception {
    String yaml = Files.readString(configsDir().resolve(config));
    SimulationSetup sm = setup(yaml);
    SimulationSetup np = setup(yaml.replaceFirst("(?m)^sources:", "physics:\n" + physics + "\nsources:"));
    AnalysisConfig a = AnalysisConfig.of(sm.model().config());
    AnalysisJob.Options o = new AnalysisJob.Options(2, 1, Optional.empty(), maxEvents, s -> { });
    var grid = new PoiScan.Grid(name, lower, upper, 21);
    var point = AnalysisJob.family(sm).simulationPoint(java.util.Map.of(name, new double[] {lower, upper}));
    AnalysisJob.Prepared p = AnalysisJob.prepare(sm, a, o, point);
    SpectrumSet data = TemplateMaker.simulate(np, np.model().config().generator(), a.fit(), p.binning(), 77, 2,
        maxEvents, null).expected();
    PoiScan s = PoiScan.run(a, p.templates().expected(), data, p.systematics(), List.of(name),
        List.of(grid), true);
    double best = s.bestValues()[0];
    String what = name + ": best fit " + best + ", injected " + injected + ", 68 % interval "
        + s.intervals().get(0).map(i -> i[0].toString()).orElse("none") + ", scan " + java.util.Arrays.toString(
        s.deltaChi2());
    assertTrue(Math.abs(best - injected) < tol, what);
    // inside the 68 % region of the scan: Δχ² < 1 at the grid point of the injected value (index 10 of 21)
    double[] x = s.grids().get(0);
    int at = (int) Math.round((injected - x[0]) / (x[1] - x[0]));
    assertEquals(injected, x[at], 1e-9 * Math.abs(upper - lower));
    assertTrue(s.deltaChi2()[at] < 1, "injected value outside the 68 % region: " + what);
    assertTrue(s.deltaChi2()[0] > 1, "no power: " + what);
    // the Wilks interval search finds the 68 % interval and it holds the injected value (CONUS+ μ_ν: before the
    // global fit was seeded across the range it stopped at a false minimum and no interval was found)
    var i68 = s.intervals().get(0).orElseThrow(() -> new AssertionError("no Wilks interval: " + what))[0];
    assertTrue(i68.lower() < injected && injected < i68.upper(), "injected value outside the Wilks interval " + i68
        + ": " + what);
  }

  /**
   * Per-flavour NGI couplings and the pseudoscalar are scan parameters by their names
   * ({@code ngi.<structure>.<nue|numu|nutau>.<p|n|e>}, {@code ngi.pseudoscalar.e}); the flavour-universal name of
   * a coupling the flavours do not share is not (no common value to start from), nor a pseudoscalar nucleon
   * coupling; the reweighting family changes only the scanned flavour. Cheap: no simulation.
   */
  @Test
  void perFlavourNgiNamesAreScanParameters() throws Exception {
    String yaml = Files.readString(configsDir().resolve("coherent-csi.yaml")).replaceFirst("(?m)^sources:",
        "physics:\n  ngi: {tensor: {n: 0.1, numu: {n: 0.2}}, pseudoscalar: {e: 0.3, mass_mev: 2}}\nsources:");
    CevnsFamily f = CevnsFamily.of(ConfigLoader.parse(yaml, configsDir()).physics(),
        List.of(IsotopeTable.isotope(55, 133), IsotopeTable.isotope(53, 127)));
    var names = f.parameters().stream().collect(java.util.stream.Collectors.toMap(PhysicsParameter::name,
        PhysicsParameter::nominal));
    assertEquals(0.2, names.get("ngi.tensor.numu.n"), 0.0);
    assertEquals(0.1, names.get("ngi.tensor.nue.n"), 0.0);
    assertEquals(0.3, names.get("ngi.pseudoscalar.e"), 0.0);
    assertEquals(0.3, names.get("ngi.pseudoscalar.nutau.e"), 0.0);
    assertEquals(2, names.get("ngi.pseudoscalar.mass_mev"), 0.0);
    assertEquals(0, names.get("ngi.scalar.numu.p"), 0.0);
    assertEquals(0, names.get("ngi.tensor.p"), 0.0);
    for (String absent : List.of("ngi.tensor.n", "ngi.pseudoscalar.p", "ngi.pseudoscalar.numu.n",
        "ngi.tensor.mass_mev")) {
      assertFalse(names.containsKey(absent), absent);
    }
    String d = f.describeNames();
    assertTrue(d.contains("ngi.tensor.{p,e}")
        && d.contains("ngi.tensor.{nue,numu,nutau}.{p,n,e}") && d.contains("ngi.pseudoscalar.{e,mass_mev}")
        && d.contains("ngi.tensor.{emu,etau,mutau}.{p,n,e}") && d.contains("ngi.pseudoscalar.{emu,etau,mutau}.e"), d);
    assertEquals(0, names.get("ngi.axial.mutau.n"), 0.0, "flavour-changing couplings are scan parameters");
    // a ν_μ coupling scanned: ν_μ CEvNS on Cs changes, ν_e does not
    var at = f.at(List.of("ngi.tensor.numu.n"), new double[] {0.5});
    var nominal = f.at(List.of("ngi.tensor.numu.n"), new double[] {0.2});
    byte cevns = (byte) Process.CEVNS.ordinal();
    double mu = at.xsCm2PerMeV(55, 133, (byte) Flavor.NUMU.ordinal(), cevns, 29.8, 0.01);
    assertTrue(mu > 1.5 * nominal.xsCm2PerMeV(55, 133, (byte) Flavor.NUMU.ordinal(), cevns, 29.8, 0.01));
    assertEquals(nominal.xsCm2PerMeV(55, 133, (byte) Flavor.NUE.ordinal(), cevns, 29.8, 0.01),
        at.xsCm2PerMeV(55, 133, (byte) Flavor.NUE.ordinal(), cevns, 29.8, 0.01), 0.0);
  }
}
