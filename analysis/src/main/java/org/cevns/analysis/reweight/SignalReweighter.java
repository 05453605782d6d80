package org.cevns.analysis.reweight;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.events.HistogramBinning;
import org.cevns.analysis.events.KeySpectra;
import org.cevns.analysis.events.SpectrumAccumulator;
import org.cevns.analysis.events.SpectrumKey;
import org.cevns.analysis.events.SpectrumSet;
import org.cevns.physics.constants.Units;

/**
 * Signal templates at other physics parameters by event-wise reweighting: every detected CEvNS template event
 * keeps its observation and gets the weight w · dσ(E_ν, T; θ)/dσ(E_ν, T; θ₀), the ratio of the differential
 * cross sections at its true neutrino energy, recoil, flavour and nuclide, θ₀ being the parameters it was
 * simulated with. The histograms are then filled exactly as the nominal templates and scaled per key by the
 * same factors (template normalisation, exposure), so at θ₀ the result is the nominal signal template.
 *
 * <p>Exact for any θ at which the cross section's support is inside θ₀'s: the detector response does not
 * depend on θ, only the event rate does. Limits: (i) events where dσ(θ₀) = 0 cannot be reweighted (weight 0;
 * this happens only at a form-factor zero or at the kinematic end point, which carry no rate); (ii) the
 * statistical precision of a reweighted template falls as the weights spread (far from θ₀); (iii) parameters
 * that change the kinematics (e.g. a new mediator changing T_max) need a simulation that covers the wider
 * range. Thread-safe: the last point is cached in an immutable holder.
 */
public final class SignalReweighter {
  private final SignalEvents events;
  private final HistogramBinning binning;
  private final CrossSectionFamily family;
  private final List<String> names;
  private final double[] nominalXs;
  private final double[] keyFactor;
  private volatile Cached last;

  private record Cached(double[] values, SpectrumSet spectra) {}

  private SignalReweighter(SignalEvents events, HistogramBinning binning, CrossSectionFamily family,
      List<String> names, Map<SpectrumKey, Double> targetTotals) {
    this.events = events;
    this.binning = binning;
    this.family = family;
    this.names = List.copyOf(names);
    double[] nominal = new double[names.size()];
    for (int i = 0; i < nominal.length; i++) {
      nominal[i] = family.simulatedValue(names.get(i)); // θ₀: where the events were simulated
    }
    CrossSectionFamily.Evaluator e = family.at(this.names, nominal);
    this.nominalXs = new double[events.size()];
    for (int i = 0; i < nominalXs.length; i++) {
      nominalXs[i] = xs(e, i);
    }
    List<SpectrumKey> keys = events.keys();
    this.keyFactor = new double[keys.size()];
    Arrays.fill(keyFactor, 1.0);
    SpectrumSet raw = fill(nominal, false);
    for (int k = 0; k < keys.size(); k++) {
      double have = raw.get(keys.get(k)).map(KeySpectra::sumW).orElse(0.0);
      Double want = targetTotals.get(keys.get(k));
      keyFactor[k] = want != null && have > 0 ? want / have : 0.0;
    }
  }

  /**
   * A reweighter of {@code events} (histogrammed with {@code binning}) in the parameters {@code names} of
   * {@code family}, scaled per key so that at the nominal parameters each key's total equals
   * {@code targetTotals} (the final templates' Σw; keys absent there get 0).
   */
  public static SignalReweighter of(SignalEvents events, HistogramBinning binning, CrossSectionFamily family,
      List<String> names, Map<SpectrumKey, Double> targetTotals) {
    return new SignalReweighter(events, binning, family, names, targetTotals);
  }

  /** The parameter names, in the order of {@link #at}'s values. */
  public List<String> names() {
    return names;
  }

  /** The signal spectra at {@code values} (order of {@link #names()}). */
  public SpectrumSet at(double[] values) {
    Cached c = last;
    if (c != null && Arrays.equals(c.values(), values)) {
      return c.spectra();
    }
    SpectrumSet s = fill(values, true);
    last = new Cached(values.clone(), s);
    return s;
  }

  private SpectrumSet fill(double[] values, boolean reweight) {
    CrossSectionFamily.Evaluator e = reweight ? family.at(names, values) : null;
    SpectrumAccumulator acc = new SpectrumAccumulator(binning);
    List<SpectrumKey> keys = events.keys();
    int[] accKey = new int[keys.size()];
    for (int k = 0; k < accKey.length; k++) {
      SpectrumKey key = keys.get(k);
      accKey[k] = acc.key(key.detector(), key.period(), key.window(), key.component());
    }
    for (int i = 0; i < events.size(); i++) {
      int k = events.keyIndex(i);
      double w = events.weight(i);
      if (reweight) {
        double x0 = nominalXs[i];
        w *= keyFactor[k] * (x0 > 0 ? xs(e, i) / x0 : 0.0);
      }
      acc.fill(accKey[k], events.observedKeVee(i), events.timeNs(i), events.npe(i), w);
    }
    return acc.result();
  }

  private double xs(CrossSectionFamily.Evaluator e, int i) {
    return e.xsCm2PerMeV(events.targetZ(i), events.targetA(i), events.flavor(i), events.process(i),
        events.enuMeV(i), events.recoilKeV(i) / Units.KEV_PER_MEV);
  }
}
