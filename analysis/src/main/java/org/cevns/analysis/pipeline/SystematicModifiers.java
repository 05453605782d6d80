package org.cevns.analysis.pipeline;

import static org.cevns.analysis.hist.BinSums.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.config.FitObservable;
import org.cevns.analysis.config.Systematic;
import org.cevns.analysis.events.EventColumns;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.analysis.fit.Modifier;
import org.cevns.analysis.fit.PhysicsParameter;
import org.cevns.analysis.fit.Sample;
import org.cevns.analysis.reweight.SignalReweighter;

/**
 * Turns the configured systematics into the modifiers of each sample of the fit model:
 *
 * <ul>
 *   <li>normalisation systematics (flux of the period's source, detector mass, cross section, efficiency) on the
 *       CEvNS signal and, for flux and mass, on the neutrino–electron component {@code eves}: Gaussian → histosys
 *       ±size·T, T the current (physics-reweighted) template ({@link Modifier#gaussianNorm}), log-normal →
 *       normsys κ = 1 + size (code 4);
 *   <li>response systematics of the sample's detector: histosys between the templates re-folded at ±1σ (same
 *       key; every component, since a quenching or threshold shift moves the backgrounds too), or with
 *       {@code response_interpolation: norm-plus-shape} a normsys of its normalisation and a histosys of its shape
 *       ({@link Modifier#normPlusShape}); the same for the sides of shape variants;
 *   <li>tilts: histosys T·(1 ± size·u), u from −1 to +1 linearly over the centres of the fit's energy bins;
 *   <li>template statistics: the bins' √Σw² (Barlow–Beeston-lite);
 *   <li>physics parameters: the signal recomputed by event-wise reweighting ({@link SignalReweighter}); the
 *       {@code eves} component too when the parameters change neutrino–electron scattering (new physics).
 * </ul>
 */
final class SystematicModifiers {
  private final TemplateSystematics systematics;
  private final FitObservable observable;
  private final Optional<org.cevns.analysis.reweight.TabulatedSignal> reweighter;
  private final List<PhysicsParameter> physics;

  private SystematicModifiers(TemplateSystematics systematics, FitObservable observable,
      Optional<org.cevns.analysis.reweight.TabulatedSignal> reweighter, List<PhysicsParameter> physics) {
    this.systematics = systematics;
    this.observable = observable;
    this.reweighter = reweighter;
    this.physics = physics;
  }

  /**
   * @param fileKeys the keys whose templates are read from {@code analysis.fit.template_files}: a physics parameter
   *     moves them by the bin-wise ratio of the reweighted simulated signal ({@link FileTemplatePhysics})
   */
  static SystematicModifiers of(TemplateSystematics s, SpectrumSet templates, FitObservable observable,
      List<String> physicsNames, java.util.Set<SpectrumKey> fileKeys) {
    if (physicsNames.isEmpty()) {
      return new SystematicModifiers(s, observable, Optional.empty(), List.of());
    }
    if (s.events().isEmpty() || s.family().isEmpty()) {
      throw new IllegalArgumentException("physics parameters " + physicsNames + " need the template events of an"
          + " in-memory template simulation (not available with template files)");
    }
    List<PhysicsParameter> known = s.family().get().parameters();
    List<PhysicsParameter> chosen = new ArrayList<>();
    for (String n : physicsNames) {
      PhysicsParameter p = known.stream().filter(x -> x.name().equals(n)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("unknown physics parameter '" + n + "'; this configuration has "
              + known.stream().map(PhysicsParameter::name).toList()));
      Double sigma = s.config().physicsSigmas().get(n);
      // a Gaussian-constrained physics nuisance: centred on the configured (template) value
      chosen.add(sigma == null ? p : new PhysicsParameter(n, p.nominal(), p.lower(), p.upper(), sigma));
    }
    boolean eves = s.family().get().changesEves(physicsNames);
    Map<SpectrumKey, Double> totals = new LinkedHashMap<>();
    for (SpectrumKey k : templates.keys()) {
      if (k.isSignal() || eves && isEves(k)) {
        totals.put(k, templates.get(k).orElseThrow().sumW());
      }
    }
    SignalReweighter r = SignalReweighter.of(s.events().get(), templates.binning(), s.family().get(), physicsNames,
        totals);
    SystematicModifiers m = new SystematicModifiers(s, observable,
        Optional.of(org.cevns.analysis.reweight.TabulatedSignal.of(r, chosen)), List.copyOf(chosen));
    m.reweightEves = eves;
    m.fileKeys = java.util.Set.copyOf(fileKeys);
    return m;
  }

  private boolean reweightEves;
  private java.util.Set<SpectrumKey> fileKeys = java.util.Set.of();

  private static boolean isEves(SpectrumKey k) {
    return k.component().equals(EventColumns.EVES_COMPONENT);
  }

  List<PhysicsParameter> physicsParameters() {
    return physics;
  }

  /** {@code sample} (of key {@code k}) with its modifiers, statistical errors and physics dependence. */
  Sample decorate(SpectrumKey k, Sample sample) {
    double[] t = sample.expected();
    List<Modifier> mods = new ArrayList<>();
    boolean eves = k.component().equals(EventColumns.EVES_COMPONENT);
    for (Systematic e : systematics.config().entries()) {
      String param = e.parameter();
      if (e.isNormalisation()) {
        boolean applies = e.kind() == Systematic.Kind.FLUX
            ? e.owner().equals(systematics.periodSource().get(k.period())) && (k.isSignal() || eves)
            : e.owner().equals(k.detector()) && (k.isSignal() || eves && e.kind() == Systematic.Kind.MASS);
        if (applies && sum(t) > 0) {
          mods.add(e.constraint() == Systematic.Prior.LOGNORMAL ? Modifier.lognormal(param, e.size())
              : Modifier.gaussianNorm(param, t, e.size()));
        }
      } else if (e.isRefold() && (e.kind() == Systematic.Kind.PULSE_WIDTH
          ? e.owner().equals(systematics.periodSource().get(k.period())) : e.owner().equals(k.detector()))) {
        SpectrumSet up = systematics.up().get(param);
        SpectrumSet down = systematics.down().get(param);
        if (up == null || down == null) {
          throw new IllegalArgumentException("response systematic " + param + " has no re-folded templates (they"
              + " need an in-memory template simulation)");
        }
        double[] hi = up.get(k).map(x -> FitModelBuilder.bins(x, observable)).orElse(new double[t.length]);
        double[] lo = down.get(k).map(x -> FitModelBuilder.bins(x, observable)).orElse(new double[t.length]);
        mods.addAll(response(param, t, hi, lo));
      } else if (e.kind() == Systematic.Kind.SHAPE && e.owner().equals(k.detector())
          && e.component().equals(k.component())) {
        Optional<double[]> hi = Optional.ofNullable(systematics.up().get(param)).flatMap(x -> x.get(k))
            .map(x -> FitModelBuilder.bins(x, observable));
        Optional<double[]> lo = Optional.ofNullable(systematics.down().get(param)).flatMap(x -> x.get(k))
            .map(x -> FitModelBuilder.bins(x, observable));
        if (hi.isPresent() && lo.isPresent()) {
          mods.addAll(response(param, t, hi.get(), lo.get()));
        }
      } else if (e.kind() == Systematic.Kind.TILT && e.owner().equals(k.detector())
          && e.component().equals(k.component())) {
        mods.add(tilt(param, t, e.size(), k));
      }
    }
    Sample out = sample.withModifiers(mods);
    if (systematics.config().templateStatistics()) {
      // the bins' √Σw², from the (exposure-scaled) template of the key; the sample's template is that key's bins
      out = out.withStatErrors(statErrors(k, t));
    }
    if ((k.isSignal() || reweightEves && isEves(k)) && reweighter.isPresent()) {
      var r = reweighter.get();
      int n = t.length;
      java.util.function.Function<SpectrumSet, double[]> bins =
          set -> set.get(k).map(x -> FitModelBuilder.bins(x, observable)).orElse(new double[n]);
      org.cevns.analysis.fit.PhysicsShape simulated = new org.cevns.analysis.fit.PhysicsShape() {
        @Override
        public double[] expected(double[] v) {
          return r.bins(k, v, bins);
        }

        @Override
        public double[][] derivatives(double[] v) {
          double[][] d = r.binsWithDerivatives(k, v, bins);
          return d == null ? null : new double[][] {d[1], d[2]};
        }
      };
      out = out.withPhysics(fileKeys.contains(k) ? FileTemplatePhysics.of(t, simulated, nominalValues()) : simulated);
    }
    return out;
  }

  /**
   * The modifiers of a response systematic's (or shape variant's) templates {@code hi}, {@code lo} at ±1σ around
   * {@code t}: one additive histosys, or with {@code response_interpolation: norm-plus-shape} a normsys and a
   * histosys of the shape ({@link Modifier#normPlusShape}).
   */
  private List<Modifier> response(String param, double[] t, double[] hi, double[] lo) {
    return systematics.config().normPlusShape() ? Modifier.normPlusShape(param, t, hi, lo)
        : List.of(Modifier.histosys(param, t, hi, lo));
  }

  /** The configured (nominal) value of each physics parameter, in the model's order. */
  private double[] nominalValues() {
    return physics.stream().mapToDouble(PhysicsParameter::nominal).toArray();
  }

  private final Map<SpectrumKey, double[]> errors = new LinkedHashMap<>();

  /** Registers the statistical errors of key k's template (called by the builder before decorating). */
  void errors(SpectrumKey k, KeySpectra s) {
    errors.put(k, FitModelBuilder.binErrors(s, observable));
  }

  private double[] statErrors(SpectrumKey k, double[] t) {
    double[] e = errors.get(k);
    return e != null && e.length == t.length ? e : new double[t.length];
  }

  private Modifier tilt(String param, double[] t, double size, SpectrumKey k) {
    int n = t.length;
    int nx = tiltEnergyBins.getOrDefault(k.detector(), n);
    double[] hi = new double[n];
    double[] lo = new double[n];
    for (int i = 0; i < n; i++) {
      int ix = i % nx;
      double u = nx > 1 ? 2.0 * ix / (nx - 1) - 1.0 : 0.0;
      hi[i] = t[i] * (1 + size * u);
      lo[i] = t[i] * (1 - size * u);
    }
    return Modifier.histosys(param, t, hi, lo);
  }

  private final Map<String, Integer> tiltEnergyBins = new LinkedHashMap<>();

  /** Number of energy bins of the detector's fit (the flat bins cycle through them, time-major). */
  void energyBins(String detector, int n) {
    tiltEnergyBins.put(detector, n);
  }
}
