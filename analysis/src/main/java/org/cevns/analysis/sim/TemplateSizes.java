package org.cevns.analysis.sim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cevns.detsim.sim.BackgroundChannels;
import org.cevns.generator.run.RecoilFloors;

/**
 * How many events each component of the template simulation gets. The base: N = {@code template_factor} × the
 * expected events (signal above the recoil floors plus every background), capped at {@code maxEvents}, i.e.
 * r = N / expected simulated events per expected event for every component. A background slot (detector, period,
 * component: the events of one template key in each window) whose share r·λ is below
 * {@code analysis.fit.min_background_template_events} M is importance-sampled: its channels are drawn in the
 * multinomial split with weight b·λ, b = M / (r·λ), so that it gets about M events, and each of its events is
 * weighted 1/b. Each template key then still sums to its expectation, and its Σw² (what the Barlow–Beeston-lite
 * terms and {@code TemplateStatistics} read, per key) is that of about M events of weight λ/M: the fit sees each
 * component's own Monte Carlo statistics. Backgrounds are sampled from their spectra (no neutrino generator), so these
 * extra events cost little beside the signal's.
 *
 * <p>Without a boost (M = 0, or every background slot already above M) the plan is the former one, the same events
 * and bytes. The plan depends only on the configuration, so a re-simulation (response variations) with the same
 * expectations draws the same events.
 *
 * @param events events of the simulation (base plus the extra background events), &ge; 1
 * @param samplingExpected expectation of the run as the generator samples it: Σ signal + Σ {@code backgroundSampling}
 * @param backgroundSampling per background channel, its weight in the multinomial split (its expectation × b)
 * @param slotScale per slot ((detector × periods + period) × components + component), the factor 1/b on its events'
 *     weights; null without a boost
 * @param eventsPerExpected r, the base simulated events per expected event (the summary's template factor)
 * @param extraEvents events added for the background minimum (0 without a boost)
 * @param boostedSlots the number of background slots with a boost
 */
public record TemplateSizes(long events, double samplingExpected, double[] backgroundSampling, double[] slotScale,
    double eventsPerExpected, long extraEvents, int boostedSlots) {

  /** The plan for {@code setup} with the signal sampled above {@code floors}. */
  public static TemplateSizes of(SimulationSetup setup, RecoilFloors floors, double templateFactor,
      long minBackgroundEvents, long maxEvents) {
    double expected = TemplateMaker.expectedEvents(setup, floors);
    long base = Math.max(1, Math.min(maxEvents, Math.round(templateFactor * expected)));
    double r = base / expected;
    BackgroundChannels bg = setup.backgrounds();
    double[] lambda = bg.expected();
    if (minBackgroundEvents <= 0 || lambda.length == 0) {
      return new TemplateSizes(base, expected, lambda, null, r, 0, 0);
    }
    int nDetectors = setup.model().dictionary().detectors().size();
    int nPeriods = setup.model().dictionary().periods().size();
    int nComponents = setup.components().size();
    Map<Integer, Double> slotExpected = new LinkedHashMap<>();
    int[] slotOf = new int[lambda.length];
    for (int j = 0; j < lambda.length; j++) {
      int[] s = bg.slot(j);
      slotOf[j] = (s[0] * nPeriods + s[1]) * nComponents + s[2];
      slotExpected.merge(slotOf[j], lambda[j], Double::sum);
    }
    double[] scale = new double[nDetectors * nPeriods * nComponents];
    java.util.Arrays.fill(scale, 1.0);
    int boosted = 0;
    double extra = 0;
    for (var e : slotExpected.entrySet()) {
      double share = r * e.getValue();
      if (e.getValue() > 0 && share < minBackgroundEvents) {
        double b = minBackgroundEvents / share;
        scale[e.getKey()] = 1.0 / b;
        boosted++;
        extra += minBackgroundEvents - share;
      }
    }
    if (boosted == 0) {
      return new TemplateSizes(base, expected, lambda, null, r, 0, 0);
    }
    double[] sampling = new double[lambda.length];
    double sampled = expected;
    for (int j = 0; j < lambda.length; j++) {
      sampling[j] = lambda[j] / scale[slotOf[j]];
      sampled += sampling[j] - lambda[j];
    }
    long extraEvents = Math.round(extra);
    return new TemplateSizes(base + extraEvents, sampled, sampling, scale, r, extraEvents, boosted);
  }

  /** The log line of the template simulation. */
  public String log(boolean floors) {
    String s = String.format(Locale.ROOT, "template simulation: %d events (%.3g x the expectation%s)",
        events - extraEvents, eventsPerExpected, floors ? " above the recoil floors" : "");
    return extraEvents == 0 ? s : s + String.format(Locale.ROOT, " + %d events of %d small background template(s)"
        + " (analysis.fit.min_background_template_events)", extraEvents, boostedSlots);
  }
}
